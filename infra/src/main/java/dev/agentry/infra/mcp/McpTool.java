package dev.agentry.infra.mcp;

import dev.agentry.infra.security.Caller;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.Map;

/**
 * One MCP tool. Every Spring bean of this type is served at {@code /mcp} (and over stdio), so a
 * feature adds a tool by adding a bean.
 * <p>
 * For each call the server resolves the caller, refuses non-admins for {@link #adminOnly()} tools,
 * refuses arguments the input schema does not declare, lets the tool {@link #parse} the rest, checks
 * them against the input schema as well, and only then calls {@link #execute}, so nothing is sent
 * for invalid input. Whatever the tool throws becomes an error result ({@link ToolFailure} with its
 * own code, anything else as {@code internal}).
 *
 * @param <A> the tool's parsed, valid arguments
 */
public interface McpTool<A> {

    /** Name, description, and input and output schemas written out in full. */
    McpSchema.Tool definition();

    /** @throws ToolFailure invalid_argument naming the first bad argument */
    A parse(ToolArguments arguments);

    /** @return the structured result, matching the output schema; plain JSON values only */
    Map<String, Object> execute(Caller caller, A arguments);

    default boolean adminOnly() {
        return false;
    }
}
