package dev.agentry.infra.mcp;

import dev.agentry.infra.mcp.security.Caller;
import io.modelcontextprotocol.server.McpSyncServerExchange;

import java.util.Optional;

/** Who is calling: from the HTTP request's authentication, or the stdio session's token. */
@FunctionalInterface
interface CallerResolver {

    Optional<Caller> resolve(McpSyncServerExchange exchange);
}
