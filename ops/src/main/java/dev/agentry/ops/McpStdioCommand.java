package dev.agentry.ops;

import dev.agentry.infra.platform.AgentryApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "mcp-stdio",
        description = {"Serves the MCP tools on standard input and output as the user whose token is in AGENTRY_TOKEN.",
                "Logs go to standard error. Every --name=value is handed to the application as a property."})
class McpStdioCommand implements Callable<Integer> {

    @Unmatched
    List<String> applicationProperties = new ArrayList<>();

    @Override
    public Integer call() {
        // standard output belongs to the protocol: logging must go to standard error from the very first line
        System.setProperty("logging.config", "classpath:logback-stderr.xml");
        new SpringApplicationBuilder(AgentryApplication.class)
                .web(WebApplicationType.NONE)
                .properties("agentry.mcp.transport=stdio")
                .run(applicationProperties.toArray(String[]::new));
        return ServeCommand.KEEP_RUNNING;
    }
}
