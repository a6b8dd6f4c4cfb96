package dev.agentry.infra.mcp.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses, with 403, a request whose {@code Origin} is not an allowed one: a web page (on another site,
 * or on a name rebound to this host's address) must not drive the MCP tools with a browser's help.
 * Requests without {@code Origin} come from programs, not browsers, and pass.
 */
class OriginFilter extends OncePerRequestFilter {

    private final AllowedOrigins allowedOrigins;

    OriginFilter(AllowedOrigins allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !allowedOrigins.allows(origin)) {
            JsonRefusal.send(response, HttpServletResponse.SC_FORBIDDEN,
                    "forbidden_origin", "requests from this origin are not allowed (agentry.mcp.allowed-origins)");
            return;
        }
        chain.doFilter(request, response);
    }
}
