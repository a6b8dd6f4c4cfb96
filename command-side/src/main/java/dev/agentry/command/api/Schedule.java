package dev.agentry.command.api;

/** A 5-field cron expression evaluated in an IANA timezone. */
public record Schedule(String cron, String timezone) {
}
