package dev.agentry.infra.mcp.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The JSON body of a request refused before it reaches the MCP endpoint. */
final class JsonRefusal {

    private JsonRefusal() {
    }

    /** {@code error} and {@code message} are fixed texts: nothing from the request is echoed. */
    static void send(HttpServletResponse response, int status, String error, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
    }
}
