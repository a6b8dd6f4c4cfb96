package dev.agentry.workflows.run;

/** How a run ended, as the run workflow reports it to whoever waits for it. */
public record RunOutcome(String runId, boolean succeeded, String summary) {
}
