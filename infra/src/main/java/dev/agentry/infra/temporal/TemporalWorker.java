package dev.agentry.infra.temporal;

import dev.agentry.workflows.WorkflowImplementations;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import dev.agentry.workflows.schedule.RunStatusActivities;
import dev.agentry.workflows.schedule.RunStatusActivitiesImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
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
 */
class TemporalWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TemporalWorker.class);
    /** late among the lifecycles (after Axon's processors and the web server), so stopped early */
    static final int PHASE = Integer.MAX_VALUE - 4096;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final WorkflowClient client;
    private final ListableBeanFactory beans;
    private final Duration shutdownTimeout;
    private WorkerFactory factory;
    private Thread retryingStart;
    private volatile boolean running;

    TemporalWorker(WorkflowClient client, ListableBeanFactory beans, Duration shutdownTimeout) {
        this.client = client;
        this.beans = beans;
        this.shutdownTimeout = shutdownTimeout;
    }

    @Override
    public synchronized void start() {
        factory = WorkerFactory.newInstance(client);
        Worker worker = factory.newWorker(AgentScheduleWorkflow.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(WorkflowImplementations.ALL.toArray(Class<?>[]::new));
        List<Object> activities = new ArrayList<>(ActivityBeans.in(beans));
        if (!ActivityBeans.anyImplements(activities, RunStatusActivities.class)) {
            activities.add(new RunStatusActivitiesImpl(client));
        }
        worker.registerActivitiesImplementations(activities.toArray());
        running = true;
        if (!tryToStart(factory)) {
            WorkerFactory workers = factory;
            retryingStart = new Thread(() -> keepTryingToStart(workers), "temporal-worker-start");
            retryingStart.setDaemon(true);
            retryingStart.start();
        }
    }

    private boolean tryToStart(WorkerFactory workers) {
        try {
            workers.start();
            log.info("Temporal worker polling task queue {} in namespace {}",
                    AgentScheduleWorkflow.TASK_QUEUE, client.getOptions().getNamespace());
            return true;
        } catch (RuntimeException unreachable) {
            log.warn("Temporal is not reachable yet, the worker will retry: {}", unreachable.getMessage());
            return false;
        }
    }

    private void keepTryingToStart(WorkerFactory workers) {
        Duration wait = FIRST_RETRY;
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException stopping) {
                return;
            }
            synchronized (this) {
                if (!running || tryToStart(workers)) {
                    return;
                }
            }
            wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
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
            stopping.awaitTermination(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!stopping.isTerminated()) {
                stopping.shutdownNow();
            }
        }
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
