package dev.agentry.infra.temporal.tracing;

import dev.agentry.workflows.run.AgentRunWorkflow;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;

import java.util.HashMap;
import java.util.Map;

/**
 * A manual run belongs to the trace of the call that asked for it ({@code run_agent_now}), not to the
 * schedule workflow's: the trace context of the {@code triggerNow} signal is remembered by run id and
 * written into the header of the child workflow started for that run. Signals are replayed with the
 * history, so what is remembered is the same after a replay; headers only count when the child is
 * really started. Temporal's in-memory service does not keep a signal's header: there the manual run of a
 * running agent stays in the schedule's trace.
 */
final class ManualRunTraces extends WorkerInterceptorBase {

    /** Where Temporal's OpenTracing interceptors keep the span context in a header. */
    static final String TRACE_HEADER = "_tracer-data";
    private static final String TRIGGER_SIGNAL = "triggerNow";

    @Override
    public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
        return new Inbound(next);
    }

    private static final class Inbound extends WorkflowInboundCallsInterceptorBase {

        private final Map<String, Payload> traceOfRun = new HashMap<>();

        Inbound(WorkflowInboundCallsInterceptor next) {
            super(next);
        }

        @Override
        public void init(WorkflowOutboundCallsInterceptor outboundCalls) {
            super.init(new Outbound(outboundCalls, traceOfRun));
        }

        @Override
        public void handleSignal(SignalInput input) {
            Payload trace = input.getHeader().getValues().get(TRACE_HEADER);
            Object[] arguments = input.getArguments();
            if (TRIGGER_SIGNAL.equals(input.getSignalName()) && trace != null
                    && arguments.length == 1 && arguments[0] instanceof String runId) {
                traceOfRun.put(runId, trace);
            }
            super.handleSignal(input);
        }
    }

    private static final class Outbound extends WorkflowOutboundCallsInterceptorBase {

        private final Map<String, Payload> traceOfRun;

        Outbound(WorkflowOutboundCallsInterceptor next, Map<String, Payload> traceOfRun) {
            super(next);
            this.traceOfRun = traceOfRun;
        }

        @Override
        public <R> ChildWorkflowOutput<R> executeChildWorkflow(ChildWorkflowInput<R> input) {
            Payload trace = traceOfRun.remove(input.getWorkflowId());
            if (trace != null && AgentRunWorkflow.class.getSimpleName().equals(input.getWorkflowType())) {
                input.getHeader().getValues().put(TRACE_HEADER, trace);
            }
            return super.executeChildWorkflow(input);
        }
    }
}
