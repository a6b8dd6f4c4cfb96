package dev.agentry.ops;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one executable: {@code agentry serve}, {@code agentry mcp-stdio} and the operator commands. */
@Command(name = "agentry",
        mixinStandardHelpOptions = true,
        description = "Event-sourced platform for scheduled LLM agents.",
        subcommands = {ServeCommand.class, McpStdioCommand.class, ProjectionsCommand.class, TemporalDevCommand.class,
                ReconcileCommand.class, SecretsCommand.class})
public class AgentryCommandLine {

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new AgentryCommandLine());
        int exitCode = commandLine.execute(args.length == 0 ? new String[] {"--help"} : args);
        if (exitCode != ServeCommand.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}
