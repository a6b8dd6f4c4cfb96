package dev.agentry.command.api;

import java.util.List;

/** What the Slack tools accept, published once for their schemas and the rules that check them. */
public final class SlackLimits {

    /** Slack truncates messages beyond this; longer text is refused rather than cut. */
    public static final int MESSAGE_MAX_LENGTH = 40_000;
    /** Bot tokens are a few dozen characters; anything far longer is not one. */
    public static final int TOKEN_MAX_LENGTH = 512;
    /** A Slack user id, e-mail address or name. */
    public static final int USER_REFERENCE_MAX_LENGTH = 256;
    /** A channel id or {@code #name}. */
    public static final int CHANNEL_REFERENCE_MAX_LENGTH = 100;
    public static final int CURSOR_MAX_LENGTH = 1_000;
    public static final int PAGE_MAX_SIZE = 200;
    public static final int PAGE_DEFAULT_SIZE = 100;
    /** The tools an agent may be given that act through its owner's Slack connection. */
    public static final List<String> AGENT_TOOLS =
            List.of("slack_send_message", "slack_send_dm", "slack_list_users", "slack_list_channels");

    private SlackLimits() {
    }
}
