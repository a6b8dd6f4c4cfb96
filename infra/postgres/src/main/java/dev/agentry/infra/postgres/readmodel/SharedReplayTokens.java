package dev.agentry.infra.postgres.readmodel;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The token-store side of a shared replay: the read models' own tokens, which no processor of the rebuilding
 * process holds, are claimed through the token store directly and, at the end, given the shared processor's
 * position.
 */
@Component
class SharedReplayTokens {

    private static final Duration RETRY = Duration.ofMillis(200);

    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final ProjectionProperties projections;

    SharedReplayTokens(TokenStore tokens, TransactionManager transactions, ProjectionProperties projections) {
        this.tokens = tokens;
        this.transactions = transactions;
        this.projections = projections;
    }

    /** The read models' segments, claimed by this process and set to replay from the first event. */
    final class Claimed {

        private final Map<String, int[]> segments;

        private Claimed(Map<String, int[]> segments) {
            this.segments = segments;
        }

        /** Keeps the claims from ageing into ones another node may take over. */
        void extend() {
            transactions.executeInTransaction(() -> segments.forEach((readModel, held) -> {
                for (int segment : held) {
                    tokens.extendClaim(readModel, segment);
                }
            }));
        }

        /** Gives every claimed segment {@code position} and releases it; a read model without segments gets them. */
        void handOver(TrackingToken position) {
            transactions.executeInTransaction(() -> segments.forEach((readModel, held) -> {
                if (held.length == 0) {
                    tokens.initializeTokenSegments(readModel, projections.segments(), position);
                }
                for (int segment : held) {
                    tokens.storeToken(position, readModel, segment);
                    tokens.releaseClaim(readModel, segment);
                }
            }));
        }

        void release() {
            transactions.executeInTransaction(() -> segments.forEach((readModel, held) -> {
                for (int segment : held) {
                    tokens.releaseClaim(readModel, segment);
                }
            }));
        }
    }

    /**
     * Claims every segment of the read models, waiting for claims a stopped node left behind to expire.
     *
     * @throws IllegalStateException when a segment is still held by another node at the deadline
     */
    Claimed claimForReplay(List<String> readModels, long deadline, Duration timeout) {
        Map<String, int[]> segments = new LinkedHashMap<>();
        try {
            for (String readModel : readModels) {
                int[] held = transactions.fetchInTransaction(() -> tokens.fetchSegments(readModel));
                segments.put(readModel, new int[0]);
                for (int index = 0; index < held.length; index++) {
                    claim(readModel, held[index], deadline, timeout);
                    segments.put(readModel, Arrays.copyOf(held, index + 1));
                }
            }
        } catch (RuntimeException refused) {
            new Claimed(segments).release();
            throw refused;
        }
        transactions.executeInTransaction(() -> segments.forEach((readModel, held) -> {
            for (int segment : held) {
                tokens.storeToken(null, readModel, segment);
            }
        }));
        return new Claimed(segments);
    }

    /** The stopped shared processor leaves no token behind: its position is now the read models' own. */
    void removeSharedProcessorTokens() {
        transactions.executeInTransaction(() -> {
            for (int segment : tokens.fetchSegments(SharedReplayConfiguration.PROCESSOR)) {
                tokens.fetchToken(SharedReplayConfiguration.PROCESSOR, segment);
                tokens.deleteToken(SharedReplayConfiguration.PROCESSOR, segment);
            }
        });
    }

    private void claim(String readModel, int segment, long deadline, Duration timeout) {
        while (true) {
            try {
                transactions.executeInTransaction(() -> tokens.fetchToken(readModel, segment));
                return;
            } catch (UnableToClaimTokenException heldElsewhere) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("read model '" + readModel + "' could not claim its segments"
                            + " within " + timeout + ": a running platform node holds them; stop every node first");
                }
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while claiming the read models' segments", e);
                }
            }
        }
    }
}
