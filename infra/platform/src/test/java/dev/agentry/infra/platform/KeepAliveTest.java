package dev.agentry.infra.platform;

import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client may send any number of calls over one kept-alive connection: the platform never closes it after a
 * number of requests (a client that sends its next call just as the server closes fails that call).
 */
class KeepAliveTest {

    /** Tomcat's own limit is 100 requests a connection. */
    private static final int REQUESTS = 250;

    @TempDir
    Path home;

    @Test
    void oneConnectionCarriesManyMoreRequestsThanTomcatsDefaultLimit() throws IOException {
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
             RunningPlatform platform = RunningPlatform.serving(database, home)) {
            URI mcp = URI.create(platform.mcpUrl());
            try (Socket socket = new Socket(mcp.getHost(), mcp.getPort())) {
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                for (int request = 1; request <= REQUESTS; request++) {
                    out.write(("GET /actuator/health/liveness HTTP/1.1\r\nHost: " + mcp.getHost() + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    String headers = readHeaders(in);
                    assertThat(headers).as("response %d", request).startsWith("HTTP/1.1 200");
                    assertThat(headers.toLowerCase(Locale.ROOT)).as("response %d", request)
                            .doesNotContain("connection: close");
                    skipBody(in, headers);
                }
            }
        }
    }

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        while (!headers.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("the platform closed the connection");
            }
            headers.write(next);
        }
        return headers.toString(StandardCharsets.US_ASCII);
    }

    /** A body of a given length, or chunked. */
    private static void skipBody(InputStream in, String headers) throws IOException {
        for (String header : headers.split("\r\n")) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(header.substring(header.indexOf(':') + 1).trim()));
                return;
            }
        }
        while (true) {
            int size = Integer.parseInt(readLine(in).trim(), 16);
            in.readNBytes(size);
            readLine(in);
            if (size == 0) {
                return;
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int next = in.read(); next != '\n'; next = in.read()) {
            if (next < 0) {
                throw new IOException("the platform closed the connection");
            }
            line.write(next);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
