package dev.agentry.workflows.schedule;

import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.RunTrigger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The fire a schedule acts on when it wakes: the latest one it has not handled yet, if it runs at all. */
record DueFire(Instant fireAt, RunTrigger trigger) {

    /** A fire handled later than this after its time counts as missed (a worker or the platform was down). */
    static final Duration GRACE = Duration.ofSeconds(60);

    /**
     * A fire still within the grace period runs as scheduled, and older missed fires are folded into it.
     * Otherwise the fires were missed: catch-up SKIP drops them without recording anything (downtime is
     * not a run that was skipped because of another run), RUN_ONCE runs the latest of them once.
     */
    static Optional<DueFire> find(FireTimes cron, CatchUpPolicy catchUp, Instant handledThrough, Instant now) {
        Instant latest = cron.latestFireBetween(handledThrough, now);
        if (latest == null) {
            return Optional.empty();
        }
        if (!latest.plus(GRACE).isBefore(now)) {
            return Optional.of(new DueFire(latest, RunTrigger.SCHEDULE));
        }
        return catchUp == CatchUpPolicy.RUN_ONCE
                ? Optional.of(new DueFire(latest, RunTrigger.CATCH_UP))
                : Optional.empty();
    }
}
