package dev.agentry.ops;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class HeapFootprintTest {

    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void onG1AnIdleNodeCollectsPeriodicallyAndKeepsLittleFreeHeapButAnOperatorsChoiceStands() {
        assumeTrue("true".equals(vm.getVMOption("UseG1GC").getValue()), "the JVM of this test does not run G1");
        assumeTrue(vm.getVMOption(HeapFootprint.PERIODIC_COLLECTION_INTERVAL).getOrigin() == VMOption.Origin.DEFAULT,
                "this JVM was given a periodic collection interval");
        // as if the operator had started the node with -XX:MaxHeapFreeRatio=50
        vm.setVMOption(HeapFootprint.MOST_FREE_PERCENT, "50");

        Map<String, String> applied = HeapFootprint.applyUnlessChosen(vm);

        assertThat(applied).containsExactly(
                Map.entry(HeapFootprint.PERIODIC_COLLECTION_INTERVAL, "5000"),
                Map.entry(HeapFootprint.LEAST_FREE_PERCENT, "10"));
        assertThat(vm.getVMOption(HeapFootprint.PERIODIC_COLLECTION_INTERVAL).getValue()).isEqualTo("5000");
        assertThat(vm.getVMOption(HeapFootprint.LEAST_FREE_PERCENT).getValue()).isEqualTo("10");
        assertThat(vm.getVMOption(HeapFootprint.MOST_FREE_PERCENT).getValue()).isEqualTo("50");
    }
}
