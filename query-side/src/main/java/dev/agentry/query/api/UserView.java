package dev.agentry.query.api;

import dev.agentry.command.api.Role;

public record UserView(String userId, String username, Role role) {
}
