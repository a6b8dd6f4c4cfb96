package dev.agentry.workflows.health;

import java.time.Duration;

/** Whether Temporal answers, asked with a deadline so that a health check never hangs on it. */
public interface TemporalHealth {

    Status check(Duration timeout);

    /**
     * @param pollers  workers polling the platform's task queue, or null where the server cannot say
     *                 (the in-memory service does not implement DescribeTaskQueue)
     * @param backlog  tasks waiting in the task queue, or null where the server cannot say
     * @param error    why Temporal is not reachable; null when it is
     */
    record Status(boolean reachable, String namespace, String taskQueue, Integer pollers, Long backlog, String error) {
    }
}
