package dev.agentry.ops;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import java.lang.management.ManagementFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lets a long-running node give unused heap back to the operating system. With the JVM's default flags the G1
 * heap only grows: a burst of calls leaves its high-water mark resident for good, and on a large machine the
 * default maximum heap is a quarter of its memory. These options are manageable, so they are set at run time,
 * and only where the operator did not choose a value on the command line or in {@code JAVA_TOOL_OPTIONS}.
 */
final class HeapFootprint {

    /** An idle node collects at least this often (milliseconds), and G1 uncommits what the collection freed. */
    static final String PERIODIC_COLLECTION_INTERVAL = "G1PeriodicGCInterval";
    /** After a collection, at most this share of the committed heap stays free; the rest is uncommitted. */
    static final String MOST_FREE_PERCENT = "MaxHeapFreeRatio";
    /** ... and at least this share, so that a busy node does not collect again at once. */
    static final String LEAST_FREE_PERCENT = "MinHeapFreeRatio";

    /**
     * In the order they are set: the lower bound first, since the JVM refuses a minimum above the current
     * maximum and a maximum below the current minimum.
     */
    static final Map<String, String> DEFAULTS = defaults();

    private HeapFootprint() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(PERIODIC_COLLECTION_INTERVAL, "5000");
        defaults.put(LEAST_FREE_PERCENT, "10");
        defaults.put(MOST_FREE_PERCENT, "30");
        return Collections.unmodifiableMap(defaults);
    }

    /** @return the options set, by name; empty when the JVM does not run G1 */
    static Map<String, String> applyUnlessChosen() {
        return applyUnlessChosen(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class));
    }

    static Map<String, String> applyUnlessChosen(HotSpotDiagnosticMXBean vm) {
        Map<String, String> applied = new LinkedHashMap<>();
        if (!"true".equals(vm.getVMOption("UseG1GC").getValue())) {
            return applied;
        }
        DEFAULTS.forEach((name, value) -> {
            VMOption option = vm.getVMOption(name);
            if (option.isWriteable() && option.getOrigin() == VMOption.Origin.DEFAULT) {
                try {
                    vm.setVMOption(name, value);
                    applied.put(name, value);
                } catch (IllegalArgumentException outsideTheOperatorsBound) {
                    // e.g. a most-free share below the least-free share the operator chose: theirs stands
                }
            }
        });
        return applied;
    }
}
