package dev.agentry.infra.mcp.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API token secrets: generated from {@link SecureRandom}, stored only as the hex SHA-256 of the
 * full token text, and compared in constant time.
 */
public final class ApiTokens {

    public static final String TOKEN_PREFIX = "agt_";
    public static final String TOKEN_ID_PREFIX = "tok_";
    private static final int TOKEN_BYTES = 32;
    private static final int TOKEN_ID_BYTES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {
    }

    /** {@code agt_} followed by 32 random bytes in unpadded base64url (43 characters). */
    public static String newToken() {
        return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(TOKEN_BYTES));
    }

    /** A public, non-secret id for a token, e.g. {@code tok_3f9a...}. */
    public static String newTokenId() {
        return TOKEN_ID_PREFIX + HexFormat.of().formatHex(randomBytes(TOKEN_ID_BYTES));
    }

    public static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    /** True when {@code token} hashes to {@code storedHashHex}; the comparison takes the same time wherever they differ. */
    public static boolean matches(String token, String storedHashHex) {
        byte[] stored;
        try {
            stored = HexFormat.of().parseHex(storedHashHex);
        } catch (IllegalArgumentException | NullPointerException malformed) {
            return false;
        }
        return MessageDigest.isEqual(sha256(token), stored);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
