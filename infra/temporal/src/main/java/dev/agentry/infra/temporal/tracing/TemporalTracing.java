package dev.agentry.infra.temporal.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.opentracingshim.OpenTracingShim;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import io.temporal.opentracing.OpenTracingClientInterceptor;
import io.temporal.opentracing.OpenTracingOptions;
import io.temporal.opentracing.OpenTracingWorkerInterceptor;

/**
 * Spans of Temporal calls, workflows and activities, their context carried in Temporal's headers (through
 * the OpenTracing interceptors over the OpenTelemetry shim), so that a run started hours later still belongs
 * to the trace that asked for it. Activities run inside their span: spans they open are its children.
 */
public final class TemporalTracing {

    private final OpenTracingOptions options;

    public TemporalTracing(OpenTelemetry openTelemetry, AgentNames agentNames) {
        this.options = OpenTracingOptions.newBuilder()
                .setTracer(OpenTracingShim.createTracerShim(openTelemetry))
                .setSpanBuilderProvider(new AgentRunSpans(agentNames))
                .build();
    }

    public WorkflowClientInterceptor clientInterceptor() {
        return new OpenTracingClientInterceptor(options);
    }

    /** In this order: the manual run's trace replaces the schedule's in the header the tracing wrote. */
    public WorkerInterceptor[] workerInterceptors() {
        return new WorkerInterceptor[]{new OpenTracingWorkerInterceptor(options), new ManualRunTraces()};
    }
}
