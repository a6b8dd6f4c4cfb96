package dev.agentry.query.audit;

import dev.agentry.command.api.AgentFailed;
import dev.agentry.command.api.AgentRan;
import dev.agentry.command.api.AgentRunSkipped;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.FailureNoticeDue;
import dev.agentry.command.api.FailureNoticeUndeliverable;
import dev.agentry.command.api.ModelDefinition;
import dev.agentry.command.api.ModelOffering;
import dev.agentry.command.api.ModelOfferingNotFound;
import dev.agentry.command.api.SlackConnected;
import dev.agentry.command.api.SlackDisconnected;
import dev.agentry.command.api.UserCreated;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.Schedule;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code details} of an audit entry, in the snake_case shape of the public interface. */
final class AuditDetails {

    private AuditDetails() {
    }

    static Map<String, Object> none() {
        return Map.of();
    }

    /** Only the token id: the hash is a credential and never leaves the identity read model. */
    static Map<String, Object> token(String tokenId) {
        return Map.of("token_id", tokenId);
    }

    static Map<String, Object> user(UserCreated event) {
        return Map.of("username", event.username(), "role", event.role().name());
    }

    /** The workspace and bot, not the secret's id: the bot token stays in the secret store, unnamed. */
    static Map<String, Object> slackConnected(SlackConnected event) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("team_id", event.teamId());
        details.put("team_name", event.teamName());
        details.put("bot_user_id", event.botUserId());
        details.put("notify_user", event.notifyUser());
        return Collections.unmodifiableMap(details);
    }

    static Map<String, Object> slackDisconnected(SlackDisconnected event) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("team_id", event.teamId());
        return Collections.unmodifiableMap(details);
    }

    static Map<String, Object> model(String name, ModelDefinition definition) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("model", name);
        details.put("friendly_name", definition.friendlyName());
        details.put("tier", definition.tier() == null ? null : definition.tier().wireName());
        details.put("providers", definition.offerings().stream()
                .map(ModelOffering::provider).toList());
        return Collections.unmodifiableMap(details);
    }

    static Map<String, Object> offeringNotFound(ModelOfferingNotFound event) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", event.name());
        details.put("provider", event.provider());
        details.put("model_id", event.modelId());
        details.put("reason", event.reason());
        return Collections.unmodifiableMap(details);
    }

    static Map<String, Object> modelName(String name) {
        return Map.of("model", name);
    }

    static Map<String, Object> settings(AgentSettings settings) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", settings.name());
        details.put("instructions", settings.instructions());
        details.put("tier", settings.tier() == null ? null : settings.tier().wireName());
        details.put("model", settings.model());
        details.put("schedule", schedule(settings.schedule()));
        details.put("tools", settings.tools());
        details.put("overlap", wireName(settings.overlap()));
        details.put("catch_up", wireName(settings.catchUp()));
        details.put("max_consecutive_failures", settings.maxConsecutiveFailures());
        details.put("notify", wireName(settings.notifications()));
        details.put("max_tokens_per_run", settings.maxTokensPerRun());
        details.put("max_tokens_per_day", settings.maxTokensPerDay());
        return Collections.unmodifiableMap(details);
    }

    /** What every repair by reconciliation says about itself. */
    static Map<String, Object> reconciliation() {
        return Map.of("reason", "RECONCILIATION");
    }

    static Map<String, Object> runRequested(String runId) {
        return Map.of("run_id", runId, "trigger", RunTrigger.MANUAL.name());
    }

    /** Token counts and times, not the summary: the run history holds what the run produced. */
    static Map<String, Object> ran(AgentRan event) {
        return Collections.unmodifiableMap(finishedRun(event.runId(), event.trigger(), event.scheduledAt(),
                event.startedAt(), event.finishedAt(), event.model(), event.inputTokens(), event.outputTokens()));
    }

    static Map<String, Object> failed(AgentFailed event) {
        Map<String, Object> details = finishedRun(event.runId(), event.trigger(), event.scheduledAt(),
                event.startedAt(), event.finishedAt(), event.model(), event.inputTokens(), event.outputTokens());
        details.put("error_kind", event.errorKind());
        details.put("error_message", event.errorMessage());
        return Collections.unmodifiableMap(details);
    }

    /** Who hears of it is the owner's Slack connection's business, not the agent's history. */
    static Map<String, Object> noticeDue(FailureNoticeDue event) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("notice_id", event.noticeId());
        details.put("kind", event.kind().name());
        details.put("run_id", event.runId());
        details.put("error_kind", event.errorKind());
        return Collections.unmodifiableMap(details);
    }

    static Map<String, Object> noticeUndeliverable(FailureNoticeUndeliverable event) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("notice_id", event.noticeId());
        details.put("kind", event.kind() == null ? null : event.kind().name());
        details.put("run_id", event.runId());
        details.put("detail", event.detail());
        return Collections.unmodifiableMap(details);
    }

    static Map<String, Object> skipped(AgentRunSkipped event) {
        return Collections.unmodifiableMap(run(event.runId(), event.trigger(), event.scheduledAt()));
    }

    private static Map<String, Object> finishedRun(String runId, RunTrigger trigger, Instant scheduledAt,
                                                   Instant startedAt, Instant finishedAt, String model,
                                                   long inputTokens, long outputTokens) {
        Map<String, Object> details = run(runId, trigger, scheduledAt);
        details.put("started_at", text(startedAt));
        details.put("finished_at", text(finishedAt));
        details.put("model", model);
        details.put("input_tokens", inputTokens);
        details.put("output_tokens", outputTokens);
        return details;
    }

    private static Map<String, Object> run(String runId, RunTrigger trigger, Instant scheduledAt) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("run_id", runId);
        details.put("trigger", trigger == null ? null : trigger.name());
        details.put("scheduled_at", text(scheduledAt));
        return details;
    }

    /** ISO-8601, as the public interface writes every time. */
    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    private static Map<String, Object> schedule(Schedule schedule) {
        return schedule == null ? null : Map.of("cron", schedule.cron(), "timezone", schedule.timezone());
    }

    private static String wireName(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
