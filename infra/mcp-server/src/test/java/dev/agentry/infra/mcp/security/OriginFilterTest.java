package dev.agentry.infra.mcp.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OriginFilterTest {

    private final OriginFilter filter = new OriginFilter(AllowedOrigins.loopbackAnd(List.of("https://console.example.com")));

    @Test
    void aRequestWithoutOriginPasses() throws Exception {
        assertThat(send(null).passed()).isTrue();
    }

    @Test
    void loopbackOriginsOnAnyPortPass() throws Exception {
        assertThat(send("http://localhost:5173").passed()).isTrue();
        assertThat(send("http://127.0.0.1:8080").passed()).isTrue();
        assertThat(send("HTTP://LOCALHOST:3000").passed()).isTrue();
    }

    @Test
    void aConfiguredOriginPassesOnItsOwnPortOnly() throws Exception {
        assertThat(send("https://console.example.com").passed()).isTrue();
        assertThat(send("https://console.example.com:443").passed()).isTrue();
        assertThat(send("https://console.example.com:8443").passed()).isFalse();
        assertThat(send("http://console.example.com").passed()).isFalse();
    }

    @Test
    void aForeignOriginIsRefusedWith403AndAJsonError() throws Exception {
        Exchange exchange = send("http://evil.example");

        assertThat(exchange.passed()).isFalse();
        assertThat(exchange.response().getStatus()).isEqualTo(403);
        assertThat(exchange.response().getContentType()).startsWith("application/json");
        assertThat(exchange.response().getContentAsString()).isEqualTo(
                "{\"error\":\"forbidden_origin\",\"message\":\"requests from this origin are not allowed (agentry.mcp.allowed-origins)\"}");
    }

    @Test
    void namesThatOnlyLookLikeLoopbackAreRefused() throws Exception {
        assertThat(send("http://localhost.evil.example:8080").passed()).isFalse();
        assertThat(send("http://127.0.0.1.nip.io:8080").passed()).isFalse();
        assertThat(send("https://localhost:8080").passed()).isFalse();
        assertThat(send("null").passed()).isFalse();
        assertThat(send("http://localhost:8080/path").passed()).isFalse();
    }

    @Test
    void aConfiguredPatternThatIsNoOriginIsRejectedAtStart() {
        assertThatThrownBy(() -> AllowedOrigins.loopbackAnd(List.of("console.example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'console.example.com' is not an origin");
    }

    private Exchange send(String origin) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/mcp");
        if (origin != null) {
            request.addHeader("Origin", origin);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return new Exchange(response, chain);
    }

    private record Exchange(MockHttpServletResponse response, MockFilterChain chain) {
        boolean passed() {
            return chain.getRequest() != null;
        }
    }
}
