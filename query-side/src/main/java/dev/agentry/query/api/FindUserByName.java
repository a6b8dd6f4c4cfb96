package dev.agentry.query.api;

public record FindUserByName(String username) {
}
