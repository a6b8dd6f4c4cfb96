package dev.agentry.infra.temporal.tracing;

import dev.agentry.workflows.run.AgentRunWorkflow;
import io.opentracing.Tracer;
import io.temporal.opentracing.SpanCreationContext;
import io.temporal.opentracing.SpanOperationType;
import io.temporal.opentracing.internal.ActionTypeAndNameSpanBuilderProvider;

/**
 * Temporal's span names ({@code RunActivity:Complete}, ...), except that a run of an agent is the GenAI
 * {@code invoke_agent} span, carrying the agent's id and name.
 */
final class AgentRunSpans extends ActionTypeAndNameSpanBuilderProvider {

    private static final String RUN_WORKFLOW_TYPE = AgentRunWorkflow.class.getSimpleName();

    private final AgentNames agentNames;

    AgentRunSpans(AgentNames agentNames) {
        this.agentNames = agentNames;
    }

    @Override
    public Tracer.SpanBuilder createSpanBuilder(Tracer tracer, SpanCreationContext context) {
        if (context.getSpanOperationType() != SpanOperationType.RUN_WORKFLOW
                || !RUN_WORKFLOW_TYPE.equals(context.getActionName())) {
            return super.createSpanBuilder(tracer, context);
        }
        String agentId = RunIds.agentIdOf(context.getWorkflowId());
        Tracer.SpanBuilder span = tracer.buildSpan("invoke_agent")
                .withTag("gen_ai.operation.name", "invoke_agent")
                .withTag("gen_ai.agent.id", agentId)
                .withTag("agentry.run.id", context.getWorkflowId());
        agentNames.nameOf(agentId).ifPresent(name -> span.withTag("gen_ai.agent.name", name));
        return span;
    }
}
