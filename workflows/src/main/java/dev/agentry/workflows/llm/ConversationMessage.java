package dev.agentry.workflows.llm;

import java.util.List;
import java.util.Objects;

/** One turn of a conversation: who spoke and what it consisted of. */
public record ConversationMessage(Role role, List<ContentPart> content) {

    public enum Role { USER, ASSISTANT }

    public ConversationMessage {
        Objects.requireNonNull(role, "role");
        content = List.copyOf(content);
    }

    public static ConversationMessage user(String text) {
        return new ConversationMessage(Role.USER, List.of(new ContentPart.Text(text)));
    }

    public static ConversationMessage user(List<ContentPart> content) {
        return new ConversationMessage(Role.USER, content);
    }

    public static ConversationMessage assistant(List<ContentPart> content) {
        return new ConversationMessage(Role.ASSISTANT, content);
    }
}
