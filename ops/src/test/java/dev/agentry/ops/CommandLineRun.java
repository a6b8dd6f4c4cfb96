package dev.agentry.ops;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the {@code agentry} command line in this process: its exit code and what it printed. */
record CommandLineRun(int exitCode, String out, String err) {

    static CommandLineRun of(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new AgentryCommandLine());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(arguments);
        return new CommandLineRun(exitCode, out.toString(), err.toString());
    }
}
