package dev.agentry.infra.mcp.agent;

import dev.agentry.query.api.AgentView;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The public agent object: snake_case keys, lower-case tier and policies, ISO-8601 instants. */
final class AgentJson {

    static final String SCHEMA = """
            {
              "type": "object",
              "properties": {
                "agent_id": {"type": "string"},
                "owner": {"type": "string", "description": "user name of the owner"},
                "name": {"type": "string"},
                "instructions": {"type": "string"},
                "tier": {"type": "string", "enum": ["basic", "standard", "advanced", "deep"]},
                "model": {"type": ["string", "null"], "description": "canonical model name that overrides the tier"},
                "schedule": {
                  "type": ["object", "null"],
                  "properties": {
                    "cron": {"type": "string"},
                    "timezone": {"type": "string"}
                  },
                  "required": ["cron", "timezone"],
                  "additionalProperties": false
                },
                "tools": {"type": "array", "items": {"type": "string"}},
                "overlap": {"type": "string", "enum": ["skip", "buffer_one"]},
                "catch_up": {"type": "string", "enum": ["skip", "run_once"]},
                "max_consecutive_failures": {"type": ["integer", "null"]},
                "status": {"type": "string", "enum": ["STOPPED", "RUNNING", "DELETED"]},
                "created_at": {"type": "string", "format": "date-time"},
                "updated_at": {"type": "string", "format": "date-time"},
                "next_run_at": {"type": ["string", "null"], "format": "date-time"},
                "last_run": {
                  "type": ["object", "null"],
                  "properties": {
                    "run_id": {"type": "string"},
                    "outcome": {"type": "string"},
                    "finished_at": {"type": ["string", "null"], "format": "date-time"}
                  },
                  "required": ["run_id", "outcome", "finished_at"],
                  "additionalProperties": false
                }
              },
              "required": ["agent_id", "owner", "name", "instructions", "tier", "model", "schedule", "tools",
                           "overlap", "catch_up", "max_consecutive_failures", "status", "created_at", "updated_at",
                           "next_run_at", "last_run"],
              "additionalProperties": false
            }""";

    private AgentJson() {
    }

    static Map<String, Object> of(AgentView agent) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("agent_id", agent.agentId());
        json.put("owner", agent.owner());
        json.put("name", agent.name());
        json.put("instructions", agent.instructions());
        json.put("tier", agent.tier() == null ? null : agent.tier().wireName());
        json.put("model", agent.model());
        json.put("schedule", agent.schedule() == null ? null : schedule(agent));
        json.put("tools", agent.tools() == null ? List.of() : agent.tools());
        json.put("overlap", lowerCase(agent.overlap()));
        json.put("catch_up", lowerCase(agent.catchUp()));
        json.put("max_consecutive_failures", agent.maxConsecutiveFailures());
        json.put("status", agent.status() == null ? null : agent.status().name());
        json.put("created_at", instant(agent.createdAt()));
        json.put("updated_at", instant(agent.updatedAt()));
        json.put("next_run_at", instant(agent.nextRunAt()));
        json.put("last_run", agent.lastRun() == null ? null : lastRun(agent.lastRun()));
        return json;
    }

    private static Map<String, Object> schedule(AgentView agent) {
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("cron", agent.schedule().cron());
        schedule.put("timezone", agent.schedule().timezone());
        return schedule;
    }

    private static Map<String, Object> lastRun(AgentView.LastRun run) {
        Map<String, Object> lastRun = new LinkedHashMap<>();
        lastRun.put("run_id", run.runId());
        lastRun.put("outcome", run.outcome());
        lastRun.put("finished_at", instant(run.finishedAt()));
        return lastRun;
    }

    static String lowerCase(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
