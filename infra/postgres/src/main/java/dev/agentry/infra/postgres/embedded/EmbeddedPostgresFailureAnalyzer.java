package dev.agentry.infra.postgres.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a data folder held by another process as what it is, in its own words, instead of the
 * stack trace of a failed bean.
 */
class EmbeddedPostgresFailureAnalyzer extends AbstractFailureAnalyzer<PreviousPostmaster.DataFolderInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PreviousPostmaster.DataFolderInUseException cause) {
        return new FailureAnalysis(cause.getMessage(), "", cause);
    }
}
