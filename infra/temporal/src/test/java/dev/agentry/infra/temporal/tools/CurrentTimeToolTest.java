package dev.agentry.infra.temporal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.workflows.run.ToolContext;
import dev.agentry.workflows.run.ToolOutcome;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentTimeToolTest {

    private static final ToolContext CONTEXT = new ToolContext("agent-1", "run-1", "owner-1");
    private final CurrentTimeTool tool = new CurrentTimeTool(
            Clock.fixed(Instant.parse("2026-07-01T10:15:30Z"), ZoneOffset.UTC));

    @Test
    void withoutATimezoneItAnswersUtc() throws Exception {
        JsonNode answer = successful(tool.invoke("{}", CONTEXT));

        assertThat(answer.path("time").asText()).isEqualTo("2026-07-01T10:15:30Z");
        assertThat(answer.path("timezone").asText()).isEqualTo("UTC");
    }

    @Test
    void inATimezoneItAnswersTheLocalTimeWithItsOffsetAndZone() throws Exception {
        JsonNode answer = successful(tool.invoke("{\"timezone\":\"Europe/Berlin\"}", CONTEXT));

        assertThat(answer.path("time").asText()).isEqualTo("2026-07-01T12:15:30+02:00");
        assertThat(answer.path("timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(answer.path("day_of_week").asText()).isEqualTo("WEDNESDAY");
    }

    @Test
    void anUnknownTimezoneIsAnErrorTheModelCanCorrect() {
        ToolOutcome outcome = tool.invoke("{\"timezone\":\"Mars/Olympus\"}", CONTEXT);

        assertThat(outcome.isError()).isTrue();
        assertThat(outcome.content()).contains("Mars/Olympus").contains("IANA");
    }

    @Test
    void argumentsThatAreNotAJsonObjectAreAnError() {
        assertThat(tool.invoke("[1,2]", CONTEXT).isError()).isTrue();
        assertThat(tool.invoke("{timezone", CONTEXT).isError()).isTrue();
    }

    @Test
    void itsSchemaIsAJsonObjectSchema() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(tool.inputSchema());

        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("properties").has("timezone")).isTrue();
    }

    private static JsonNode successful(ToolOutcome outcome) throws Exception {
        assertThat(outcome.isError()).as(outcome.content()).isFalse();
        return new ObjectMapper().readTree(outcome.content());
    }
}
