package dev.agentry.workflows.run;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Prepares every run as told and keeps transcripts and outcomes in memory. */
final class RecordingRunActivities implements RunActivities {

    private final Function<RunRequest, PreparedRun> preparation;
    private final Map<String, RunTranscript> transcripts = new ConcurrentHashMap<>();
    private final List<RunResult> outcomes = new CopyOnWriteArrayList<>();
    private final Map<String, String> skipReasons = new ConcurrentHashMap<>();
    private final List<String> modelsNotFound = new CopyOnWriteArrayList<>();

    RecordingRunActivities(Function<RunRequest, PreparedRun> preparation) {
        this.preparation = preparation;
    }

    @Override
    public PreparedRun prepare(RunRequest request) {
        return preparation.apply(request);
    }

    @Override
    public String storeTranscript(RunTranscript transcript) {
        String reference = "memory/" + transcript.runId();
        transcripts.put(reference, transcript);
        return reference;
    }

    @Override
    public void recordOutcome(RunResult result) {
        outcomes.add(result);
    }

    @Override
    public void recordSkipped(RunRequest request, String reason) {
        skipReasons.put(request.runId(), reason);
    }

    /** Run id to the reason it was skipped for. */
    Map<String, String> skipReasons() {
        return Map.copyOf(skipReasons);
    }

    @Override
    public void recordModelNotFound(RunModel model, String reason) {
        modelsNotFound.add(model.name() + " (" + model.provider() + "): " + reason);
    }

    List<String> modelsNotFound() {
        return List.copyOf(modelsNotFound);
    }

    RunTranscript transcript(String reference) {
        return transcripts.get(reference);
    }

    List<RunResult> outcomes() {
        return List.copyOf(outcomes);
    }
}
