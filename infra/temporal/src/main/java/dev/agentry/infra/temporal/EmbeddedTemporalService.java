package dev.agentry.infra.temporal;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's in-memory service bound to a real gRPC port, with time running as on a real server.
 * Used by the embedded default and by {@code agentry temporal-dev}. It listens on the loopback address
 * only: the service has no authentication, so anyone who reaches its port could start, signal or
 * terminate workflows. ({@code TestServer.createPortBoundServer} would bind every interface; this does
 * what it does, on 127.0.0.1.)
 *
 * <p>This process's own client reaches the service through an in-process channel instead of the port: its
 * messages then pass as objects, neither encoded nor framed, which at many runs at once was about a fifth of
 * the platform's CPU. Other processes (another node, {@code temporal-dev}'s clients) use the port.
 */
public final class EmbeddedTemporalService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalService.class);
    /** a port found free can be taken before the service binds it; another free port is tried then */
    private static final int ATTEMPTS_ON_A_FREE_PORT = 5;

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final TestServicesStarter services;
    private final Server server;
    private final Server inProcessServer;
    private final ManagedChannel inProcessChannel;
    private final int port;

    private EmbeddedTemporalService(TestServicesStarter services, Server server, Server inProcessServer, int port) {
        this.services = services;
        this.server = server;
        this.inProcessServer = inProcessServer;
        this.inProcessChannel = InProcessChannelBuilder.forName(inProcessName(port)).build();
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
        // true: time is not skipped, so timers last as long as on a real server
        TestServicesStarter services = new TestServicesStarter(true, 0);
        try {
            ServerBuilder<?> builder = NettyServerBuilder.forAddress(new InetSocketAddress(LOOPBACK, port));
            GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
            Server server = builder.build().start();
            InProcessServerBuilder inProcess = InProcessServerBuilder.forName(inProcessName(port));
            GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), inProcess);
            Server inProcessServer;
            try {
                inProcessServer = inProcess.build().start();
            } catch (IOException | RuntimeException e) {
                server.shutdownNow();
                throw e;
            }
            log.info("In-memory Temporal service on {}:{}", LOOPBACK.getHostAddress(), port);
            return new EmbeddedTemporalService(services, server, inProcessServer, port);
        } catch (IOException | RuntimeException e) {
            services.close();
            throw new IllegalStateException("The in-memory Temporal service cannot listen on port " + port
                    + " (" + rootMessage(e) + "). Free the port, choose another with --agentry.temporal.embedded-port=PORT"
                    + " (0 for any free one), or connect to a Temporal server with --agentry.temporal.target=HOST:PORT", e);
        }
    }

    public int port() {
        return port;
    }

    public String target() {
        return LOOPBACK.getHostAddress() + ":" + port;
    }

    /** A channel to the service for this process only; it is closed with the service. */
    public ManagedChannel inProcessChannel() {
        return inProcessChannel;
    }

    @Override
    public void close() {
        inProcessChannel.shutdownNow();
        inProcessServer.shutdownNow();
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            services.close();
        }
    }

    /** Unique within the process, as its port is. */
    private static String inProcessName(int port) {
        return "agentry-temporal-" + port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
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
