package dev.agentry.workflows.run;

/**
 * What a tool answered, fed back to the model as the result of its call.
 *
 * @param isError true when the tool could not do what was asked; the content says why, for the model
 */
public record ToolOutcome(String content, boolean isError) {

    public ToolOutcome {
        content = content == null ? "" : content;
    }

    public static ToolOutcome success(String content) {
        return new ToolOutcome(content, false);
    }

    public static ToolOutcome error(String message) {
        return new ToolOutcome(message, true);
    }
}
