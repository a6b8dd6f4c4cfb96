package dev.agentry.ops;

import dev.agentry.infra.platform.AgentryApplication;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "serve",
        description = {"Starts the platform: MCP over Streamable HTTP at /mcp.",
                "Without spring.datasource.url it runs an embedded PostgreSQL under AGENTRY_HOME.",
                "Every --name=value is handed to the application as a property, e.g. --server.port=9090."})
class ServeCommand implements Callable<Integer> {

    /** Exit code that tells main to leave the JVM running (the web server keeps it alive). */
    static final int KEEP_RUNNING = -1;
    static final int START_FAILED = 1;

    @Unmatched
    List<String> applicationProperties = new ArrayList<>();

    @Override
    public Integer call() {
        HeapFootprint.applyUnlessChosen();
        try {
            SpringApplication.run(AgentryApplication.class, applicationProperties.toArray(String[]::new));
        } catch (RuntimeException startFailed) {
            // Spring Boot has reported why already (its failure analysis, or the stack trace when it has none);
            // the command line would print the same trace again
            return START_FAILED;
        }
        return KEEP_RUNNING;
    }
}
