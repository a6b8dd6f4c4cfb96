package dev.agentry.infra.mcp;

import dev.agentry.infra.mcp.security.TokenProperties;
import dev.agentry.infra.mcp.security.BearerTokenAuthenticator;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.postgres.readmodel.ReadModelFreshness;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * MCP on standard input and output for one local client, as the user whose token is in
 * {@code AGENTRY_TOKEN}. The token is checked at start (a missing or invalid one stops the
 * application with a message saying so) and again at every call, so revoking it takes effect at once.
 * <p>
 * Requests are handled in order on the reading thread, so when the client closes standard input
 * every earlier request has been answered; the answers get a moment to be written, then the
 * application exits.
 */
@Component
@ConditionalOnProperty(name = "agentry.mcp.transport", havingValue = "stdio")
class McpStdioServer {

    private static final Logger log = LoggerFactory.getLogger(McpStdioServer.class);

    private final McpServerFactory factory;
    private final McpJsonMapper jsonMapper;
    private final BearerTokenAuthenticator authenticator;
    private final ReadModelFreshness freshness;
    private final String token;
    private McpSyncServer server;

    McpStdioServer(McpServerFactory factory, McpJsonMapper mcpJsonMapper, BearerTokenAuthenticator authenticator,
                   ReadModelFreshness freshness, TokenProperties tokens) {
        this.factory = factory;
        this.jsonMapper = mcpJsonMapper;
        this.authenticator = authenticator;
        this.freshness = freshness;
        this.token = tokens.token();
    }

    /** After the administrator bootstrap, which may have issued the very token used here. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void start(ApplicationReadyEvent ready) {
        Caller caller = authenticateAtStart();
        log.info("Serving MCP on standard input and output as '{}'", caller.username());
        InputStream input = new EndAwareInputStream(System.in, () -> exit(ready.getApplicationContext()));
        server = factory.build(McpServer.sync(new StdioServerTransportProvider(jsonMapper, input, System.out)),
                exchange -> authenticator.authenticate(token), true);
    }

    private Caller authenticateAtStart() {
        if (token.isEmpty()) {
            throw new IllegalStateException("mcp-stdio needs the environment variable AGENTRY_TOKEN: "
                    + "an API token issued by an administrator (issue_token)");
        }
        // the token may have been issued a moment ago; the read models must have seen it
        freshness.awaitEventsStoredSoFar();
        Optional<Caller> caller = authenticator.authenticate(token);
        return caller.orElseThrow(() -> new IllegalStateException(
                "The token in AGENTRY_TOKEN is unknown or revoked; ask an administrator for a new one (issue_token)"));
    }

    private void exit(ConfigurableApplicationContext context) {
        Thread exit = new Thread(() -> {
            log.info("The MCP client closed standard input; stopping");
            if (server != null) {
                server.closeGracefully();
            }
            System.exit(SpringApplication.exit(context));
        }, "mcp-stdio-exit");
        exit.start();
    }

    /**
     * Calls {@code onEnd} once when the stream ends or fails, after a pause: the SDK drops answers
     * not yet written once it sees the end of its input.
     */
    private static final class EndAwareInputStream extends FilterInputStream {

        private static final long ANSWERS_WRITTEN_MILLIS = 1000;

        private final Runnable onEnd;
        private final AtomicBoolean ended = new AtomicBoolean();

        EndAwareInputStream(InputStream in, Runnable onEnd) {
            super(in);
            this.onEnd = onEnd;
        }

        @Override
        public int read() throws IOException {
            return checked(readSafely(() -> super.read()));
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return checked(readSafely(() -> super.read(buffer, offset, length)));
        }

        private int readSafely(Read read) throws IOException {
            try {
                return read.run();
            } catch (IOException e) {
                end();
                throw e;
            }
        }

        private int checked(int result) {
            if (result == -1 && !ended.get()) {
                pauseForAnswers();
                end();
            }
            return result;
        }

        private static void pauseForAnswers() {
            try {
                Thread.sleep(ANSWERS_WRITTEN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void end() {
            if (ended.compareAndSet(false, true)) {
                onEnd.run();
            }
        }

        @FunctionalInterface
        private interface Read {
            int run() throws IOException;
        }
    }
}
