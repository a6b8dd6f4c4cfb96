package dev.agentry.infra.mcp.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The browser origins that may call {@code /mcp}: the loopback ones always, plus those configured.
 * A pattern is {@code scheme://host:port}, where the port may be {@code *} (any port) or left out
 * (the scheme's default port).
 */
final class AllowedOrigins {

    static final List<String> LOOPBACK = List.of("http://localhost:*", "http://127.0.0.1:*");

    private final List<OriginPattern> patterns;

    private AllowedOrigins(List<OriginPattern> patterns) {
        this.patterns = patterns;
    }

    /** @throws IllegalArgumentException naming the configured pattern that is not an origin */
    static AllowedOrigins loopbackAnd(List<String> configured) {
        List<OriginPattern> patterns = new ArrayList<>();
        LOOPBACK.forEach(pattern -> patterns.add(OriginPattern.parse(pattern)));
        if (configured != null) {
            configured.stream().map(String::strip).filter(text -> !text.isEmpty())
                    .forEach(pattern -> patterns.add(OriginPattern.parse(pattern)));
        }
        return new AllowedOrigins(List.copyOf(patterns));
    }

    boolean allows(String origin) {
        Origin parsed = Origin.parse(origin);
        return parsed != null && patterns.stream().anyMatch(pattern -> pattern.matches(parsed));
    }

    private record Origin(String scheme, String host, int port) {

        /** The origin of an {@code Origin} header, or null when it is none (e.g. {@code null}, a path, user info). */
        static Origin parse(String text) {
            try {
                URI uri = new URI(text.strip());
                if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null
                        || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                        || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                    return null;
                }
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(scheme);
                return new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port);
            } catch (URISyntaxException e) {
                return null;
            }
        }

        private static int defaultPort(String scheme) {
            return switch (scheme) {
                case "http" -> 80;
                case "https" -> 443;
                default -> -1;
            };
        }
    }

    private record OriginPattern(String scheme, String host, Integer port) {

        private static final int ANY_PORT = -2;

        static OriginPattern parse(String pattern) {
            String text = pattern.strip();
            boolean anyPort = text.endsWith(":*");
            Origin origin = Origin.parse(anyPort ? text.substring(0, text.length() - 2) : text);
            if (origin == null) {
                throw new IllegalArgumentException("agentry.mcp.allowed-origins: '" + pattern
                        + "' is not an origin such as https://app.example.com or http://localhost:*");
            }
            return new OriginPattern(origin.scheme(), origin.host(), anyPort ? ANY_PORT : origin.port());
        }

        boolean matches(Origin origin) {
            return scheme.equals(origin.scheme()) && host.equals(origin.host())
                    && (port == ANY_PORT || port == origin.port());
        }
    }
}
