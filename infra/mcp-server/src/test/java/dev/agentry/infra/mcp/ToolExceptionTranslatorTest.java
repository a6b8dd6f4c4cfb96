package dev.agentry.infra.mcp;

import dev.agentry.command.api.CommandRejectedException;
import dev.agentry.command.api.RejectionCode;
import dev.agentry.infra.postgres.readmodel.ReadModelFreshness.ReadModelLagException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ToolExceptionTranslatorTest {

    @Test
    void aRejectedCommandKeepsItsCodeAndMessageHoweverDeeplyWrapped() {
        CommandRejectedException rejected = new CommandRejectedException(RejectionCode.FAILED_PRECONDITION, "agent 'a' is deleted");
        Throwable wrapped = new ExecutionException(new CommandExecutionException("handler failed", rejected));

        assertThat(text(wrapped)).isEqualTo("failed_precondition: agent 'a' is deleted");
        assertThat(text(new CommandRejectedException(RejectionCode.INVALID_ARGUMENT, "bad cron")))
                .isEqualTo("invalid_argument: bad cron");
        assertThat(text(new CompletionException(new CommandRejectedException(RejectionCode.NOT_FOUND, "agent 'b' not found"))))
                .isEqualTo("not_found: agent 'b' not found");
    }

    @Test
    void aToolFailureInsideAWrapperIsAnsweredAsItIs() {
        assertThat(text(new CompletionException(ToolFailure.permissionDenied("admins only"))))
                .isEqualTo("permission_denied: admins only");
    }

    @Test
    void unknownAndExistingAggregatesMapToNotFoundAndFailedPrecondition() {
        assertThat(text(new ExecutionException(new AggregateNotFoundException("a-1", "The aggregate was not found"))))
                .isEqualTo("not_found: the requested item does not exist");
        assertThat(text(new AggregateStreamCreationException("duplicate key in domain_event_entry")))
                .isEqualTo("failed_precondition: the item already exists");
        assertThat(text(new ConcurrencyException("sequence number 3 taken")))
                .startsWith("failed_precondition: the item was changed by another request at the same time");
    }

    @Test
    void aStorageFailureThatIsNotADuplicateIsAnOutage() {
        assertThat(text(new EventStoreException("store failed", new SQLException("connection reset", "08006"))))
                .isEqualTo("unavailable: the database is unavailable; retry later");
    }

    @Test
    void databaseTroubleTimeoutsAndReadModelLagAreUnavailable() {
        assertThat(text(new QueryExecutionException("query failed",
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"))))
                .isEqualTo("unavailable: the database is unavailable; retry later");
        assertThat(text(new IllegalStateException("wrapper", new SQLTransientConnectionException("pool exhausted"))))
                .isEqualTo("unavailable: the database is unavailable; retry later");
        assertThat(text(new TimeoutException())).isEqualTo("unavailable: the platform did not answer in time; retry later");
        assertThat(text(new ReadModelLagException("read model 'agent-status' has not caught up")))
                .startsWith("unavailable: the change was stored but the read models are behind");
    }

    @Test
    void anUnexpectedExceptionShowsOnlyAReferenceThatTheLogRepeatsWithTheDetails(CapturedOutput log) {
        Throwable unexpected = new ExecutionException(new NullPointerException(
                "Cannot invoke \"dev.agentry.query.api.AgentView.status()\" because \"agent\" is null"));

        String text = text(unexpected);

        Matcher reference = Pattern.compile("internal: unexpected error \\(reference ([0-9a-f]{8})\\)").matcher(text);
        assertThat(reference.matches()).as(text).isTrue();
        assertThat(text).doesNotContain("NullPointer", "dev.agentry", "Exception", "AgentView");
        assertThat(log.getAll()).contains("reference " + reference.group(1)).contains("NullPointerException");
    }

    @Test
    void aRejectionWithoutAMessageStillReadsAsASentence() {
        assertThat(text(new CommandRejectedException(RejectionCode.FAILED_PRECONDITION, null)))
                .isEqualTo("failed_precondition: the request was refused");
    }

    private static String text(Throwable thrown) {
        return ToolExceptionTranslator.translate("a_tool", thrown).resultText();
    }
}
