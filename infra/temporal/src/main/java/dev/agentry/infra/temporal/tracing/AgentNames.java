package dev.agentry.infra.temporal.tracing;

import java.util.Optional;

/** The name of an agent, for the span of its runs. */
@FunctionalInterface
public interface AgentNames {

    Optional<String> nameOf(String agentId);
}
