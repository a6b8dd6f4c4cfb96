package dev.agentry.infra.slack;

import java.util.List;

/** What the Slack adapter answers, free of the SDK's types. */
public final class SlackRecords {

    private SlackRecords() {
    }

    public record Workspace(String teamId, String teamName, String botUserId) {
    }

    public record Channel(String id, String name, boolean isPrivate, boolean isMember) {
    }

    public record Member(String id, String name, String realName, String email, boolean isBot) {
    }

    /** @param nextCursor null on the last page */
    public record Page<T>(List<T> items, String nextCursor) {
    }

    public record Posted(String channel, String ts) {
    }

    public record DirectMessage(String user, String channel, String ts) {
    }
}
