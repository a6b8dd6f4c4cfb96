package dev.agentry.command.api;

public record ModelEnabled(String name) {
}
