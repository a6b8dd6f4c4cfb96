package dev.agentry.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.infra.platform.AgentryApplication;
import dev.agentry.infra.mcp.admin.ReconciliationReportAnswer;
import dev.agentry.workflows.reconciliation.Reconciliation;
import dev.agentry.workflows.reconciliation.ReconciliationReport;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "reconcile",
        description = {"Compares the agents' events with their schedules in Temporal, repairs the differences",
                "(orphans by agentry.reconciliation.orphan-policy, zombies, drift), prints the report as JSON and exits:",
                "0 when everything was found and repaired, 1 otherwise.",
                "It needs the platform's database (--spring.datasource.url=...) and Temporal cluster",
                "(--agentry.temporal.target=HOST:PORT or AGENTRY_TEMPORAL_TARGET). Against the in-memory Temporal",
                "service of a running platform, use its reconcile tool instead."})
class ReconcileCommand implements Callable<Integer> {

    /** Exit code when the command cannot run where it was asked to. */
    static final int UNUSABLE = 2;

    @Option(names = "--dry-run", description = "Report what would be repaired without changing anything.")
    boolean dryRun;

    @Unmatched
    List<String> applicationProperties = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        String[] arguments = applicationProperties.toArray(String[]::new);
        if (!namesATemporalTarget(arguments)) {
            spec.commandLine().getErr().println("agentry reconcile: no Temporal target. The in-memory Temporal service lives"
                    + " inside the serving platform: call its reconcile tool, or give --agentry.temporal.target=HOST:PORT.");
            return UNUSABLE;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AgentryApplication.class)
                .web(WebApplicationType.NONE)
                .properties("agentry.reconciliation.on-startup=false")
                .run(arguments)) {
            ReconciliationReport report = context.getBean(Reconciliation.class).reconcile(dryRun);
            spec.commandLine().getOut().println(new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(ReconciliationReportAnswer.of(report).toJson()));
            spec.commandLine().getOut().flush();
            return report.complete() ? 0 : 1;
        }
    }

    /**
     * Decided before the application starts, which would otherwise start an in-memory service (and possibly
     * an embedded database) of its own: from the arguments, system properties and environment variables.
     */
    static boolean namesATemporalTarget(String[] arguments) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(arguments));
        ConfigurationPropertySources.attach(environment);
        return !Binder.get(environment).bind("agentry.temporal.target", String.class).orElse("").isBlank();
    }
}
