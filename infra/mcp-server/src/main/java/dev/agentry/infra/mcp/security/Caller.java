package dev.agentry.infra.mcp.security;

import dev.agentry.command.api.Role;

/** The authenticated user on whose behalf a tool runs. */
public record Caller(String userId, String username, Role role) {

    /** The request attribute under which an authenticated HTTP request carries its caller. */
    public static final String REQUEST_ATTRIBUTE = Caller.class.getName();

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
