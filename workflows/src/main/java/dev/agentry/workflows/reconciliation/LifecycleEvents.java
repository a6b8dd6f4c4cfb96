package dev.agentry.workflows.reconciliation;

import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.Set;
import java.util.stream.Stream;

/**
 * The events of the given types in the whole store, in the order of their global index. Reconciliation asks
 * for the agents' lifecycle events only: an agent's runs, most of the store, are never read to learn what
 * should be scheduled.
 */
public interface LifecycleEvents {

    /** The caller closes the stream. */
    Stream<? extends TrackedEventMessage<?>> readAll(Set<Class<?>> payloadTypes);
}
