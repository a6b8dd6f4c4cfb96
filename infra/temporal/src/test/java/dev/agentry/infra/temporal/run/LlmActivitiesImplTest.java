package dev.agentry.infra.temporal.run;

import dev.agentry.workflows.run.LlmActivities;

import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.LlmFailureKind;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.run.ScriptedGateway;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LlmActivitiesImplTest {

    private static final LlmRequest QUESTION = new LlmRequest("m", "", List.of(ConversationMessage.user("Hi")),
            List.of(), 100, null);

    private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    private final ScriptedGateway model = new ScriptedGateway(Instant::now);

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void aFailureNoRetryCanFixIsMarkedNonRetryableWithItsKindAsType() {
        model.fail(LlmFailureKind.AUTHENTICATION, null);

        ApplicationFailure failure = failureOf(activities());

        assertThat(failure.getType()).isEqualTo("AUTHENTICATION");
        assertThat(failure.isNonRetryable()).isTrue();
        assertThat(failure.getOriginalMessage()).isEqualTo("scripted AUTHENTICATION");
    }

    @Test
    void aRateLimitCarriesTheServersRetryAfterAsTheNextRetryDelay() {
        model.fail(LlmFailureKind.RATE_LIMITED, Duration.ofSeconds(7));

        ApplicationFailure failure = failureOf(activities());

        assertThat(failure.getType()).isEqualTo("RATE_LIMITED");
        assertThat(failure.isNonRetryable()).isFalse();
        assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void anOverloadWithoutRetryAfterIsLeftToTheRetryPolicy() {
        model.fail(LlmFailureKind.OVERLOADED, null);

        ApplicationFailure failure = failureOf(activities());

        assertThat(failure.isNonRetryable()).isFalse();
        assertThat(failure.getNextRetryDelay()).isNull();
    }

    @Test
    void theActivityHeartbeatsWhileTheCallIsUnderWay() {
        AtomicInteger beats = new AtomicInteger();
        env.setActivityHeartbeatListener(Void.class, details -> beats.incrementAndGet());
        model.answerAfter(Duration.ofMillis(300), "Hello");

        activities().complete("scripted", QUESTION);

        assertThat(beats.get()).isPositive();
    }

    private LlmActivities activities() {
        env.registerActivitiesImplementations(new LlmActivitiesImpl(model));
        return env.newActivityStub(LlmActivities.class);
    }

    private static ApplicationFailure failureOf(LlmActivities activities) {
        ActivityFailure failure = catchThrowableOfType(ActivityFailure.class, () -> activities.complete("scripted", QUESTION));
        assertThat(failure.getCause()).isInstanceOf(ApplicationFailure.class);
        return (ApplicationFailure) failure.getCause();
    }
}
