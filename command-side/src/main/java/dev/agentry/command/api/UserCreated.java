package dev.agentry.command.api;

public record UserCreated(String userId, String username, Role role) {
}
