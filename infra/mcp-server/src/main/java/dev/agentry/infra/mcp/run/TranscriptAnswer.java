package dev.agentry.infra.mcp.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.workflows.llm.ContentPart;
import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.ToolDefinition;
import dev.agentry.workflows.run.RunTranscript;

import java.time.Instant;
import java.util.List;

import static dev.agentry.infra.mcp.JsonSchema.arrayOf;
import static dev.agentry.infra.mcp.JsonSchema.bool;
import static dev.agentry.infra.mcp.JsonSchema.dateTime;
import static dev.agentry.infra.mcp.JsonSchema.integer;
import static dev.agentry.infra.mcp.JsonSchema.lowerCaseChoice;
import static dev.agentry.infra.mcp.JsonSchema.string;

/** A run's stored conversation as get_run shows it: every message, tool call and tool result, in order. */
record TranscriptAnswer(String model, Instant startedAt, Instant finishedAt, String instructions, List<String> tools,
                        List<Message> messages, String finalAnswer, Failure error, Usage usage,
                        List<ModelCall> modelCalls) {

    /** One call to one model: the one that answered, or one that failed and left the call to the next model. */
    record ModelCall(int call, String model, String provider, Failure error) {
    }

    record Message(String role, List<Part> content) {
    }

    /** A piece of a message; {@code type} says which. */
    sealed interface Part {
    }

    record Text(String type, String text) implements Part {
    }

    /** @param arguments the arguments as the model gave them: a JSON object, or their text when they were not JSON */
    record ToolCall(String type, String id, String name, JsonNode arguments) implements Part {
    }

    record ToolResult(String type, String callId, String content, boolean isError) implements Part {
    }

    record Thinking(String type, String text) implements Part {
    }

    /** Reasoning the provider encrypted: only that there was some. */
    record RedactedThinking(String type) implements Part {
    }

    record Failure(String kind, String message) {
    }

    record Usage(long inputTokens, long outputTokens) {
    }

    private static final ObjectMapper ARGUMENTS = new ObjectMapper();

    static final JsonSchema SCHEMA = JsonSchema.object()
            .required("model", string().nullable().description("the model that answered last"))
            .required("started_at", dateTime().nullable())
            .required("finished_at", dateTime().nullable())
            .required("instructions", string().nullable().description("the agent's instructions as the run sent them"))
            .required("tools", arrayOf(string()).description("the tools offered to the model"))
            .required("messages", arrayOf(JsonSchema.object()
                    .required("role", lowerCaseChoice(ConversationMessage.Role.class))
                    .required("content", arrayOf(JsonSchema.anyOf(
                            part("text").required("text", string()).build(),
                            part("tool_call").required("id", string()).required("name", string())
                                    .required("arguments", JsonSchema.any()).build(),
                            part("tool_result").required("call_id", string()).required("content", string())
                                    .required("is_error", bool()).build(),
                            part("thinking").required("text", string()).build(),
                            part("redacted_thinking").build())))
                    .build()).description("the conversation, oldest first"))
            .required("final_answer", string().nullable())
            .required("error", JsonSchema.object()
                    .required("kind", string())
                    .required("message", string().nullable())
                    .build().nullable())
            .required("usage", JsonSchema.object()
                    .required("input_tokens", integer())
                    .required("output_tokens", integer())
                    .build())
            .required("model_calls", arrayOf(JsonSchema.object()
                    .required("call", integer().description("which call of the run, from 1"))
                    .required("model", string())
                    .required("provider", string())
                    .required("error", JsonSchema.object()
                            .required("kind", string())
                            .required("message", string().nullable())
                            .build().nullable().description("null when this model answered the call"))
                    .build()).description("every call to a model, oldest first, including those that failed and "
                    + "moved the run to the next model of its tier"))
            .build();

    private static JsonSchema.ObjectSchema part(String type) {
        return JsonSchema.object().required("type", string().with("const", type));
    }

    static TranscriptAnswer of(RunTranscript transcript) {
        return new TranscriptAnswer(transcript.model(), transcript.startedAt(), transcript.finishedAt(),
                transcript.systemPrompt(), transcript.tools().stream().map(ToolDefinition::name).toList(),
                transcript.messages().stream().map(TranscriptAnswer::message).toList(), transcript.finalAnswer(),
                transcript.errorKind() == null ? null : new Failure(transcript.errorKind(), transcript.errorMessage()),
                transcript.usage() == null ? new Usage(0, 0)
                        : new Usage(transcript.usage().inputTokens(), transcript.usage().outputTokens()),
                transcript.attempts().stream().map(attempt -> new ModelCall(attempt.call(), attempt.model(),
                        attempt.provider(), attempt.answeredCall() ? null
                        : new Failure(attempt.errorKind(), attempt.errorMessage()))).toList());
    }

    private static Message message(ConversationMessage message) {
        return new Message(JsonSchema.lowerCase(message.role()),
                message.content().stream().map(TranscriptAnswer::part).toList());
    }

    private static Part part(ContentPart part) {
        if (part instanceof ContentPart.Text text) {
            return new Text("text", text.text());
        }
        if (part instanceof ContentPart.ToolCall call) {
            return new ToolCall("tool_call", call.id(), call.name(), arguments(call.argumentsJson()));
        }
        if (part instanceof ContentPart.ToolResult result) {
            return new ToolResult("tool_result", result.callId(), result.content(), result.isError());
        }
        if (part instanceof ContentPart.Thinking thinking) {
            return new Thinking("thinking", thinking.text());
        }
        return new RedactedThinking("redacted_thinking");
    }

    private static JsonNode arguments(String json) {
        try {
            return ARGUMENTS.readTree(json);
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(json);
        }
    }
}
