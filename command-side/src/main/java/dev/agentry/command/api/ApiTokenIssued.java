package dev.agentry.command.api;

public record ApiTokenIssued(String userId, String tokenId, String tokenHash) {
}
