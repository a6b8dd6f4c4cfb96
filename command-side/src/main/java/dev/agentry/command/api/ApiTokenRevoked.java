package dev.agentry.command.api;

public record ApiTokenRevoked(String userId, String tokenId) {
}
