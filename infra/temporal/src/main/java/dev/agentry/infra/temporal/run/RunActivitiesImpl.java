package dev.agentry.infra.temporal.run;

import dev.agentry.command.api.RecordAgentFailure;
import dev.agentry.command.api.BudgetDay;
import dev.agentry.command.api.RecordAgentRun;
import dev.agentry.command.api.RecordAgentRunSkipped;
import dev.agentry.command.api.RecordModelOfferingNotFound;
import dev.agentry.infra.temporal.tools.ToolRegistry;
import dev.agentry.workflows.model.CurrentModels;
import dev.agentry.workflows.model.ModelResolution;
import dev.agentry.workflows.model.ModelResolver;
import dev.agentry.workflows.model.ResolvedModel;
import dev.agentry.workflows.run.PreparedRun;
import dev.agentry.workflows.run.RunActivities;
import dev.agentry.workflows.run.RunModel;
import dev.agentry.workflows.run.RunRequest;
import dev.agentry.workflows.run.RunResult;
import dev.agentry.workflows.run.RunTranscript;
import dev.agentry.workflows.run.RunTranscripts;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** Reads the agent from its events, resolves its model from the catalogue, and reports as the scheduler. */
@Component
class RunActivitiesImpl implements RunActivities {

    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("agentry.run.outcome");
    private static final AttributeKey<String> TRIGGER = AttributeKey.stringKey("agentry.run.trigger");

    private final EventSourcedAgents agents;
    private final CurrentModels models;
    private final ToolRegistry tools;
    private final RunTranscripts transcripts;
    private final SchedulerCommands commands;
    private final CatalogueReports catalogue;
    private final LongCounter runs;

    RunActivitiesImpl(EventSourcedAgents agents, CurrentModels models, ToolRegistry tools,
                      RunTranscripts transcripts, SchedulerCommands commands, CatalogueReports catalogue,
                      ObjectProvider<OpenTelemetry> openTelemetry) {
        this.catalogue = catalogue;
        this.runs = openTelemetry.getIfAvailable(OpenTelemetry::noop).getMeter("dev.agentry.runs")
                .counterBuilder("agentry.runs").setDescription("Finished runs of agents, by outcome and trigger").build();
        this.agents = agents;
        this.models = models;
        this.tools = tools;
        this.transcripts = transcripts;
        this.commands = commands;
    }

    /** A run whose agent's runs of the day already used its tokens per day is not prepared to run. */
    @Override
    public PreparedRun prepare(RunRequest request) {
        // the run's own time, not this worker's clock: a retried preparation decides as the first did
        Instant startOfRun = request.scheduledAt() == null ? Instant.now() : request.scheduledAt();
        return agents.find(request.agentId(), startOfRun).map(agent -> {
            Long perDay = agent.settings().maxTokensPerDay();
            if (perDay != null && agent.tokensUsedOnDay() >= perDay) {
                return PreparedRun.dayBudgetSpent(agent.ownerId(), "the agent's runs of %s used %d of its %d tokens per day"
                        .formatted(BudgetDay.of(startOfRun, agent.settings().schedule()).date(),
                                agent.tokensUsedOnDay(), perDay));
            }
            ModelResolver resolver = models.now();
            ModelResolution resolution = resolver.resolve(agent.settings().tier(), agent.settings().model());
            if (!resolution.isResolved()) {
                return PreparedRun.noModel(agent.ownerId(), resolution.unavailableReason());
            }
            // the tier's other models, for the run to move to; an explicit model has none
            List<RunModel> candidates = resolver.candidates(agent.settings().tier(), agent.settings().model()).stream()
                    .map(RunActivitiesImpl::runModel).toList();
            return PreparedRun.ready(agent.ownerId(), agent.settings().instructions(),
                    tools.definitionsOf(agent.settings().tools()), runModel(resolution.model()),
                    candidates.subList(Math.min(1, candidates.size()), candidates.size()))
                    .withTokenBudget(agent.settings().maxTokensPerRun());
        }).orElseGet(PreparedRun::agentNotFound);
    }

    private static RunModel runModel(ResolvedModel model) {
        return new RunModel(model.name(), model.provider(), model.providerModelId(), model.thinking());
    }

    /** Models the OpenAI-compatible configuration names are not in the catalogue: nothing to record for them. */
    @Override
    public void recordModelNotFound(RunModel model, String reason) {
        if (catalogue.isKnown(model.name())) {
            catalogue.recordNotFound(new RecordModelOfferingNotFound(model.name(), model.provider(),
                    model.providerModelId(), reason));
        }
    }

    @Override
    public String storeTranscript(RunTranscript transcript) {
        return transcripts.store(transcript);
    }

    @Override
    public void recordOutcome(RunResult result) {
        RunRequest run = result.request();
        Object command = result.succeeded()
                ? new RecordAgentRun(run.agentId(), run.runId(), run.trigger(), run.scheduledAt(), result.startedAt(),
                        result.finishedAt(), result.model(), result.usage().inputTokens(),
                        result.usage().outputTokens(), result.summary(), result.transcriptRef())
                : new RecordAgentFailure(run.agentId(), run.runId(), run.trigger(), run.scheduledAt(), result.startedAt(),
                        result.finishedAt(), result.model(), result.errorKind(), result.errorMessage(),
                        result.usage().inputTokens(), result.usage().outputTokens(), result.transcriptRef());
        commands.send(command, run.agentId(), run.runId());
        runs.add(1, Attributes.of(OUTCOME, result.succeeded() ? "SUCCEEDED" : "FAILED", TRIGGER, run.trigger().name()));
    }

    @Override
    public void recordSkipped(RunRequest request, String reason) {
        commands.send(new RecordAgentRunSkipped(request.agentId(), request.runId(), request.trigger(),
                request.scheduledAt(), reason), request.agentId(), request.runId());
    }
}
