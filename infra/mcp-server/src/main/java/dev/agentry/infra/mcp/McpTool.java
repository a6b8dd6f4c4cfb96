package dev.agentry.infra.mcp;

import dev.agentry.infra.mcp.security.Caller;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * One MCP tool. Every Spring bean of this type is served at {@code /mcp} (and over stdio), so a
 * feature adds a tool by adding a bean.
 * <p>
 * For each call the server resolves the caller, refuses non-admins for {@link #adminOnly()} tools,
 * checks the arguments against the input schema (the only check of their shape), lets the tool
 * {@link #bind} them, and only then calls {@link #execute}, so nothing is sent for invalid input.
 * Whatever the tool throws becomes an error result ({@link ToolFailure} with its own code, anything
 * else as {@code internal}).
 *
 * @param <A> the tool's arguments, bound from the call
 */
public interface McpTool<A> {

    /** Name, description, and the input and output schemas, built with {@link JsonSchema}. */
    McpSchema.Tool definition();

    /**
     * @param arguments arguments the input schema accepted
     * @throws ToolFailure invalid_argument for what a schema cannot say
     */
    A bind(ToolArguments arguments);

    /** @return the answer: a record whose components, in snake_case, are the output schema's properties */
    Object execute(Caller caller, A arguments);

    default boolean adminOnly() {
        return false;
    }
}
