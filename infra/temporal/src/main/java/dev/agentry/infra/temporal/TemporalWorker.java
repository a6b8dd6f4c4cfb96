package dev.agentry.infra.temporal;

import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.BackOffExecution;
import dev.agentry.workflows.WorkflowImplementations;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import dev.agentry.workflows.schedule.RunStatusActivities;
import dev.agentry.infra.temporal.run.RunStatusActivitiesImpl;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import dev.agentry.infra.temporal.tracing.TemporalTracing;
import io.temporal.worker.WorkerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The platform's one worker, on task queue {@code agentry-agents}: every workflow of
 * {@link WorkflowImplementations#ALL} and every activity bean. It starts once the application is
 * otherwise up and stops first, letting running activities finish. Starting needs Temporal; while it
 * is unreachable the worker keeps trying in the background, so the platform still serves its tools.
 *
 * <p>Sticky execution (a workflow's next task goes to the worker that holds it in its cache) is off
 * against an in-memory service in another process: that service never moves a task away from a worker that
 * died, so a platform restarted against {@code temporal-dev} would find its schedules stuck. A real server
 * hands such a task to any worker after a few seconds. It is on against the in-memory service this process
 * runs itself (the embedded default): that service stops with the worker, and a sticky task then costs no
 * replay of the workflow's history, which is about a fifth of the CPU of a scheduled run.
 */
class TemporalWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TemporalWorker.class);
    /** late among the lifecycles (after Axon's processors and the web server), so stopped early */
    static final int PHASE = Integer.MAX_VALUE - 4096;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final WorkflowClient client;
    private final ListableBeanFactory beans;
    private final TemporalProperties properties;
    private final TemporalTracing tracing;
    private WorkerFactory factory;
    private boolean sticky;
    private Thread retryingStart;
    private volatile boolean running;

    TemporalWorker(WorkflowClient client, ListableBeanFactory beans, TemporalProperties properties, TemporalTracing tracing) {
        this.client = client;
        this.tracing = tracing;
        this.beans = beans;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        running = true;
        if (!tryToStart()) {
            retryingStart = new Thread(this::keepTryingToStart, "temporal-worker-start");
            retryingStart.setDaemon(true);
            retryingStart.start();
        }
    }

    private synchronized boolean tryToStart() {
        try {
            if (factory == null) {
                sticky = stickyExecution();
                factory = newWorkerFactory(sticky);
            }
            factory.start();
            log.info("Temporal worker polling task queue {} in namespace {}",
                    AgentScheduleWorkflow.TASK_QUEUE, client.getOptions().getNamespace());
            return true;
        } catch (RuntimeException unreachable) {
            log.warn("Temporal is not reachable yet, the worker will retry: {}", unreachable.getMessage());
            return false;
        }
    }

    private WorkerFactory newWorkerFactory(boolean sticky) {
        WorkerFactory workers = WorkerFactory.newInstance(client, WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(tracing.workerInterceptors())
                .build());
        WorkerOptions.Builder options = WorkerOptions.newBuilder();
        if (!sticky) {
            options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
        }
        Worker worker = workers.newWorker(AgentScheduleWorkflow.TASK_QUEUE, options.build());
        worker.registerWorkflowImplementationTypes(WorkflowImplementations.ALL.toArray(Class<?>[]::new));
        List<Object> activities = new ArrayList<>(ActivityBeans.in(beans));
        if (!ActivityBeans.anyImplements(activities, RunStatusActivities.class)) {
            activities.add(new RunStatusActivitiesImpl(client));
        }
        worker.registerActivitiesImplementations(activities.toArray());
        return workers;
    }

    /**
     * As configured; otherwise on, unless the server is an in-memory service (which reports no version) that
     * another process runs.
     */
    private boolean stickyExecution() {
        if (properties.stickyExecution() != null) {
            return properties.stickyExecution();
        }
        if (properties.embedded()) {
            return true;
        }
        String serverVersion = client.getWorkflowServiceStubs().blockingStub()
                .getSystemInfo(GetSystemInfoRequest.getDefaultInstance()).getServerVersion();
        boolean inMemoryService = serverVersion.isBlank();
        if (inMemoryService) {
            log.info("Temporal is another process's in-memory service: sticky execution off, so that restarts find"
                    + " their workflows");
        }
        return !inMemoryService;
    }

    private void keepTryingToStart() {
        ExponentialBackOff backOff = new ExponentialBackOff(FIRST_RETRY.toMillis(), 2);
        backOff.setMaxInterval(LONGEST_RETRY.toMillis());
        BackOffExecution retries = backOff.start();
        while (running) {
            try {
                Thread.sleep(retries.nextBackOff());
            } catch (InterruptedException stopping) {
                return;
            }
            if (!running || tryToStart()) {
                return;
            }
        }
    }

    @Override
    public void stop() {
        Thread retrying;
        WorkerFactory stopping;
        synchronized (this) {
            running = false;
            retrying = retryingStart;
            stopping = factory;
        }
        if (retrying != null) {
            retrying.interrupt();
        }
        if (stopping != null) {
            stopping.shutdown();
            stopping.awaitTermination(properties.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!stopping.isTerminated()) {
                stopping.shutdownNow();
            }
        }
    }

    /** Whether the started worker's workflow tasks stick to it; false before it started. */
    synchronized boolean sticky() {
        return factory != null && sticky;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
