package dev.agentry.infra.temporal.reconciliation;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the calls a client makes to Temporal's workflow service, by method name (e.g. {@code DescribeWorkflowExecution}). */
final class TemporalCalls implements ClientInterceptor {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        counts.computeIfAbsent(method.getBareMethodName(), name -> new AtomicInteger()).incrementAndGet();
        return next.newCall(method, options);
    }

    int of(String method) {
        AtomicInteger count = counts.get(method);
        return count == null ? 0 : count.get();
    }
}
