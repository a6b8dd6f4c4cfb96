package dev.agentry.infra.mcp.security;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTokensTest {

    @Test
    void aNewTokenIsAgtFollowedByThirtyTwoRandomBytesInBase64Url() {
        String token = ApiTokens.newToken();

        assertThat(token).hasSize(4 + 43).matches("agt_[A-Za-z0-9_-]{43}");
    }

    @Test
    void newTokensAndTokenIdsDoNotRepeat() {
        Set<String> tokens = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(ApiTokens.newToken());
            ids.add(ApiTokens.newTokenId());
        }

        assertThat(tokens).hasSize(1000);
        assertThat(ids).hasSize(1000).allMatch(id -> id.matches("tok_[0-9a-f]{20}"));
    }

    @Test
    void theStoredFormIsTheLowerCaseHexSha256OfTheWholeTokenText() {
        // FIPS 180-2 test vector
        assertThat(ApiTokens.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ApiTokens.sha256Hex("agt_x")).isNotEqualTo(ApiTokens.sha256Hex("x"));
    }

    @Test
    void aTokenMatchesOnlyTheHashOfItself() {
        String token = ApiTokens.newToken();
        String stored = ApiTokens.sha256Hex(token);

        assertThat(ApiTokens.matches(token, stored)).isTrue();
        assertThat(ApiTokens.matches(token, stored.toUpperCase())).isTrue();
        assertThat(ApiTokens.matches(token + "x", stored)).isFalse();
        assertThat(ApiTokens.matches(ApiTokens.newToken(), stored)).isFalse();
    }

    @Test
    void aMalformedStoredHashMatchesNothing() {
        String token = ApiTokens.newToken();

        assertThat(ApiTokens.matches(token, "not hex")).isFalse();
        assertThat(ApiTokens.matches(token, null)).isFalse();
        assertThat(ApiTokens.matches(token, ApiTokens.sha256Hex(token).substring(2))).isFalse();
    }
}
