package dev.agentry.query.api;

public record FindApiToken(String tokenId) {
}
