package dev.agentry.ops;

import dev.agentry.infra.platform.AgentryApplication;
import dev.agentry.infra.postgres.readmodel.ProjectionRebuild;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "projections", description = "Read-model maintenance.", subcommands = ProjectionsCommand.Rebuild.class)
class ProjectionsCommand {

    @Command(name = "rebuild",
            description = {"Clears every read model and replays the whole event store into it, then exits.",
                    "Run it against the same database as the platform (--spring.datasource.url=...)."})
    static class Rebuild implements Callable<Integer> {

        @Option(names = "--timeout", defaultValue = "PT30M", description = "Give up after this long (ISO-8601, default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Unmatched
        List<String> applicationProperties = new ArrayList<>();

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AgentryApplication.class)
                    .web(WebApplicationType.NONE)
                    .run(applicationProperties.toArray(String[]::new))) {
                List<String> rebuilt = context.getBean(ProjectionRebuild.class).rebuildAll(timeout);
                System.out.println("Rebuilt read models: " + String.join(", ", rebuilt));
                return 0;
            }
        }
    }
}
