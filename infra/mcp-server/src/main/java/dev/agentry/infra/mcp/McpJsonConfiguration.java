package dev.agentry.infra.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON for the MCP protocol. It has a plain Jackson mapper of its own: the protocol must not change
 * with the application's Jackson customisations, and tool results are plain JSON values anyway.
 */
@Configuration(proxyBeanMethods = false)
class McpJsonConfiguration {

    @Bean
    McpJsonMapper mcpJsonMapper() {
        return new JacksonMcpJsonMapper(new ObjectMapper());
    }

    @Bean
    JsonSchemaValidator mcpSchemaValidator() {
        return new DefaultJsonSchemaValidator(new ObjectMapper());
    }
}
