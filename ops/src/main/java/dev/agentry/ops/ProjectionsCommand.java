package dev.agentry.ops;

import dev.agentry.infra.postgres.readmodel.ProjectionRebuild;
import dev.agentry.infra.postgres.readmodel.ReadModelComparison;
import dev.agentry.query.api.ReadModel;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "projections", description = "Read-model maintenance.", subcommands = ProjectionsCommand.Rebuild.class)
class ProjectionsCommand {

    @Command(name = "rebuild",
            description = {"Clears read models and replays the event store into them, then exits. It starts only the",
                    "event store and the projections: no Temporal, no reconciliation, no MCP endpoint, and it appends",
                    "no event. Run it against the platform's database (--spring.datasource.url=...) while no platform",
                    "node runs (their processors would replay beside it), or with --online while they run.",
                    "Exit codes: 0 rebuilt, 1 rebuilt and --verify found differences, 2 bad arguments or failure."})
    static class Rebuild implements Callable<Integer> {

        private static final int ROWS_SHOWN_PER_TABLE = 5;
        private static final int BAR_WIDTH = 30;
        private static final String ONLINE_SCHEMA = "agentry_rebuild";

        @Option(names = "--timeout", defaultValue = "PT30M", description = "Give up after this long (ISO-8601, default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Option(names = "--only", split = ",", paramLabel = "NAME",
                description = "Rebuild only these read models (repeatable or comma-separated): "
                        + ReadModel.AGENT_STATUS + ", " + ReadModel.AUDIT_TRAIL + ", " + ReadModel.IDENTITY + ", "
                        + ReadModel.MODEL_CATALOGUE + ", " + ReadModel.RUN_HISTORY + ".")
        List<String> only = new ArrayList<>();

        @Option(names = "--verify", description = "Compare the rebuilt read models with what they held before and list every difference.")
        boolean verify;

        @Option(names = "--online", description = {"Rebuild while the platform keeps serving: into tables of a schema of",
                "its own, then switch the platform to them in one transaction (its queries wait for that moment)",
                "and let its processors continue from where the rebuild stopped."})
        boolean online;

        @Option(names = "--switch-timeout", defaultValue = "PT30S", hidden = true,
                description = "How long the online switch may hold the live tables while the rebuild catches up.")
        Duration switchTimeout;

        @Option(names = "--progress-interval", defaultValue = "PT5S", hidden = true,
                description = "How often a progress line is printed when standard output is not a terminal.")
        Duration plainProgressInterval;

        @Unmatched
        List<String> applicationProperties = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Set<String> names = new LinkedHashSet<>(only.isEmpty() ? ReadModel.TABLES.keySet() : only);
            Set<String> unknown = new LinkedHashSet<>(names);
            unknown.removeAll(ReadModel.TABLES.keySet());
            if (!unknown.isEmpty()) {
                err.printf("Not a read model: %s. The read models are %s.%n", String.join(", ", unknown),
                        String.join(", ", ReadModel.TABLES.keySet()));
                return 2;
            }
            if (online && verify) {
                err.println("--verify compares with a store that no node changes meanwhile; it cannot be combined"
                        + " with --online.");
                return 2;
            }
            List<String> properties = new ArrayList<>(applicationProperties);
            if (online) {
                properties.addAll(onlineProperties(names));
            } else {
                properties.add(ReadModelRebuildApplication.replayingTogether(names));
            }
            try {
                return rebuild(properties, names, out);
            } catch (IllegalStateException | IllegalArgumentException failed) {
                err.println("Rebuild failed: " + failed.getMessage());
                return 2;
            }
        }

        private int rebuild(List<String> properties, Set<String> names, PrintWriter out) {
            try (ConfigurableApplicationContext context = ReadModelRebuildApplication.builder()
                    .run(properties.toArray(String[]::new))) {
                List<String> tables = names.stream().flatMap(name -> ReadModel.TABLES.get(name).stream()).toList();
                ReadModelComparison comparison = verify
                        ? ReadModelComparison.before(context.getBean(JdbcClient.class), tables) : null;
                try {
                    boolean terminal = System.console() != null;
                    Duration interval = terminal ? Duration.ofMillis(200) : plainProgressInterval;
                    ProjectionRebuild rebuild = context.getBean(ProjectionRebuild.class);
                    List<String> rebuilt = online
                            ? rebuild.rebuildOnline(timeout, switchTimeout, interval, progress -> report(out, progress, terminal))
                            : rebuild.rebuild(names, timeout, interval, progress -> report(out, progress, terminal));
                    out.println("Rebuilt read models: " + String.join(", ", rebuilt));
                    if (online) {
                        out.println("Switched the platform to the rebuilt read models; the old tables are dropped.");
                    }
                    out.flush();
                    return comparison == null ? 0 : reportDifferences(out, comparison.differences(ROWS_SHOWN_PER_TABLE));
                } finally {
                    if (comparison != null) {
                        comparison.close();
                    }
                }
            }
        }

        /**
         * This process's tables are looked up in the shadow schema first, so its projections and their tokens are
         * the shadow's while the events are the live ones; the live schema is migrated by the platform, not here.
         */
        private static List<String> onlineProperties(Set<String> names) {
            return List.of("--spring.flyway.enabled=false",
                    "--spring.datasource.hikari.connection-init-sql=SET search_path TO " + ONLINE_SCHEMA + ", public",
                    "--agentry.projections.online-rebuild.schema=" + ONLINE_SCHEMA,
                    "--agentry.projections.online-rebuild.read-models=" + String.join(",", names));
        }

        private static void report(PrintWriter out, ProjectionRebuild.Progress progress, boolean terminal) {
            String figures = String.format(Locale.ROOT, "%,d / %,d events, %,.0f events/s, %s", progress.replayed(),
                    progress.total(), progress.rate(), progress.done() ? "done in " + seconds(progress.elapsed())
                            : "ETA " + (progress.remaining() == null ? "unknown" : seconds(progress.remaining())));
            if (terminal) {
                int filled = progress.total() == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * progress.replayed() / progress.total());
                out.print("\r[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + figures + "   ");
                if (progress.done()) {
                    out.println();
                }
            } else {
                out.println("Replayed " + figures);
            }
            out.flush();
        }

        private static String seconds(Duration duration) {
            return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }

        private static int reportDifferences(PrintWriter out, List<ReadModelComparison.Difference> differences) {
            if (differences.isEmpty()) {
                out.println("Verified: the rebuilt read models hold exactly what they held before.");
                out.flush();
                return 0;
            }
            for (ReadModelComparison.Difference difference : differences) {
                out.printf("Differs: %s: %d rows only before the rebuild, %d rows only after%n", difference.table(),
                        difference.onlyBeforeCount(), difference.onlyAfterCount());
                difference.onlyBefore().forEach(row -> out.println("  before: " + row));
                difference.onlyAfter().forEach(row -> out.println("  after:  " + row));
            }
            out.flush();
            return 1;
        }
    }
}
