package dev.agentry.infra.mcp.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>} of a known, unrevoked,
 * unexpired token, and hands the resolved {@link Caller} on as a request attribute. Anything else ends
 * here with 401 (or 503 when the token cannot be checked). A client address that has sent too many
 * wrong tokens is refused with 429 and {@code Retry-After} before its token is looked at.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
    private static final String BEARER = "Bearer";
    private static final int TOO_MANY_REQUESTS = 429;

    private final BearerTokenAuthenticator authenticator;
    private final FailedAuthenticationThrottle throttle;

    BearerTokenFilter(BearerTokenAuthenticator authenticator, FailedAuthenticationThrottle throttle) {
        this.authenticator = authenticator;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.refusal(address);
        if (wait.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.get().toSeconds() + 1)));
            JsonRefusal.send(response, TOO_MANY_REQUESTS,
                    "too_many_failed_authentications", "too many wrong tokens from this address; retry later");
            return;
        }
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
            // the causes say why the store did not answer; none of them carries the token
            log.warn("Could not check a bearer token: {}", causes(e));
            refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, null,
                    "unavailable", "the token could not be checked; retry later");
            return;
        }
        if (caller.isEmpty()) {
            throttle.recordFailure(address);
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, BEARER + " error=\"invalid_token\"",
                    "unauthenticated", "the bearer token is unknown, revoked or expired");
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
        if (challenge != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        JsonRefusal.send(response, status, error, message);
    }

    private static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.toString());
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("; caused by ").append(cause);
        }
        return text.toString();
    }
}
