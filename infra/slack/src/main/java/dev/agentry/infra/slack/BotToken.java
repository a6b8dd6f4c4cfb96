package dev.agentry.infra.slack;

/** A Slack bot token. It prints as a placeholder, so that no log line or message can show it by accident. */
public record BotToken(String value) {

    @Override
    public String toString() {
        return "BotToken[hidden]";
    }
}
