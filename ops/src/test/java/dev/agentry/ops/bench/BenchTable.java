package dev.agentry.ops.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A benchmark's sizes from system properties, and its table written to {@code target/bench/} and printed. */
final class BenchTable {

    private BenchTable() {
    }

    /**
     * The integer system property, or the default when it is unset; the bench profile passes every size as
     * {@code -Dname=${name}}, which arrives unexpanded when Maven was given none.
     */
    static int size(String name, int defaultValue) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() || value.startsWith("${") ? defaultValue : Integer.parseInt(value.trim());
    }

    static void write(String fileName, List<String> table) throws IOException {
        Path report = Path.of("target", "bench", fileName);
        Files.createDirectories(report.getParent());
        Files.write(report, table);
        table.forEach(System.out::println);
    }

    /** The CPU time this process (the platform and the benchmark's clients) has used so far. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
