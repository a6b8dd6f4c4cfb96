package dev.agentry.command.api;

public record ModelDisabled(String name) {
}
