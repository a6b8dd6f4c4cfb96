package dev.agentry.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.agentry.infra.temporal.EmbeddedTemporalService;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "temporal-dev",
        description = {"Runs Temporal's in-memory service on its own, until the process is stopped.",
                "Platforms connect with --agentry.temporal.target=127.0.0.1:PORT and keep their schedules",
                "while they restart; everything is forgotten when this process ends."})
class TemporalDevCommand implements Callable<Integer> {

    static final String READY_LINE = "Temporal in-memory service listening on ";

    @Option(names = "--port", defaultValue = "7233", description = "gRPC port (default ${DEFAULT-VALUE}; 0 for any free one).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        // no Spring here to set the levels: without this, every gRPC frame would be logged
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        EmbeddedTemporalService service;
        try {
            service = EmbeddedTemporalService.start(port);
        } catch (IllegalStateException cannotListen) {
            System.err.println(cannotListen.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "temporal-dev-shutdown"));
        System.out.println(READY_LINE + service.target());
        System.out.println("  Start the platform with --agentry.temporal.target=" + service.target());
        System.out.flush();
        new CountDownLatch(1).await(); // until the process is stopped
        return 0;
    }
}
