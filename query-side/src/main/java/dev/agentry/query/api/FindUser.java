package dev.agentry.query.api;

public record FindUser(String userId) {
}
