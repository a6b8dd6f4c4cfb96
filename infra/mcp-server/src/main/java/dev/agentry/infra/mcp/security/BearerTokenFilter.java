package dev.agentry.infra.mcp.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>} of a known, unrevoked
 * token, and hands the resolved {@link Caller} on as a request attribute. Anything else ends here
 * with 401 (or 503 when the token cannot be checked).
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
    private static final String BEARER = "Bearer";

    private final BearerTokenAuthenticator authenticator;

    BearerTokenFilter(BearerTokenAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, BEARER,
                    "unauthenticated", "send the header 'Authorization: Bearer <token>'");
            return;
        }
        Optional<Caller> caller;
        try {
            caller = authenticator.authenticate(token);
        } catch (RuntimeException e) {
            log.warn("Could not check a bearer token: {}", e.toString());
            refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, null,
                    "unavailable", "the token could not be checked; retry later");
            return;
        }
        if (caller.isEmpty()) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, BEARER + " error=\"invalid_token\"",
                    "unauthenticated", "the bearer token is unknown or revoked");
            return;
        }
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
    }

    /** The token of an {@code Authorization} header in the Bearer scheme (case-insensitive), else null. */
    static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        if (value.length() <= BEARER.length() || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !Character.isWhitespace(value.charAt(BEARER.length()))) {
            return null;
        }
        String token = value.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }

    private static void refuse(HttpServletResponse response, int status, String challenge, String error, String message)
            throws IOException {
        response.setStatus(status);
        if (challenge != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // fixed texts only: nothing from the request is echoed
        response.getWriter().write("{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
    }
}
