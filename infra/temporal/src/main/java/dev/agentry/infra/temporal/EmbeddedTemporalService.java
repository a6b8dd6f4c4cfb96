package dev.agentry.infra.temporal;

import org.apache.commons.lang3.exception.ExceptionUtils;
import io.temporal.testserver.TestServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * Temporal's in-memory service bound to a real gRPC port, with time running as on a real server.
 * Used by the embedded default and by {@code agentry temporal-dev}.
 */
public final class EmbeddedTemporalService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalService.class);
    /** a port found free can be taken before the service binds it; another free port is tried then */
    private static final int ATTEMPTS_ON_A_FREE_PORT = 5;

    private final TestServer.PortBoundTestServer server;
    private final int port;

    private EmbeddedTemporalService(TestServer.PortBoundTestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * @param port the gRPC port, or 0 for a free one
     * @throws IllegalStateException when the port is taken
     */
    public static EmbeddedTemporalService start(int port) {
        if (port != 0) {
            return bind(port);
        }
        IllegalStateException lastFailure = null;
        for (int attempt = 0; attempt < ATTEMPTS_ON_A_FREE_PORT; attempt++) {
            try {
                return bind(freePort());
            } catch (IllegalStateException taken) {
                lastFailure = taken;
            }
        }
        throw lastFailure;
    }

    private static EmbeddedTemporalService bind(int port) {
        try {
            // true: time is not skipped, so timers last as long as on a real server
            EmbeddedTemporalService service = new EmbeddedTemporalService(TestServer.createPortBoundServer(port, true), port);
            log.info("In-memory Temporal service on 127.0.0.1:{}", port);
            return service;
        } catch (RuntimeException e) {
            throw new IllegalStateException("The in-memory Temporal service cannot listen on port " + port
                    + " (" + rootMessage(e) + "). Free the port, choose another with --agentry.temporal.embedded-port=PORT"
                    + " (0 for any free one), or connect to a Temporal server with --agentry.temporal.target=HOST:PORT", e);
        }
    }

    public int port() {
        return port;
    }

    public String target() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the in-memory Temporal service", e);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = ExceptionUtils.getRootCause(failure);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
