package dev.agentry.workflows.schedule;

import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.Schedule;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DueFireTest {

    private static final FireTimes HOURLY = FireTimes.of(new Schedule("0 * * * *", "UTC"));

    @Test
    void aFireHandledWithinTheGracePeriodRunsAsScheduled() {
        assertThat(DueFire.find(HOURLY, CatchUpPolicy.SKIP, at("2026-05-04T10:00:00Z"), at("2026-05-04T11:01:00Z")))
                .contains(new DueFire(at("2026-05-04T11:00:00Z"), RunTrigger.SCHEDULE));
    }

    @Test
    void aFireHandledAfterTheGracePeriodIsDroppedUnderCatchUpSkip() {
        assertThat(DueFire.find(HOURLY, CatchUpPolicy.SKIP, at("2026-05-04T10:00:00Z"), at("2026-05-04T11:01:01Z")))
                .isEmpty();
    }

    @Test
    void onlyTheLatestOfSeveralMissedFiresRunsUnderCatchUpRunOnce() {
        assertThat(DueFire.find(HOURLY, CatchUpPolicy.RUN_ONCE, at("2026-05-04T06:00:00Z"), at("2026-05-04T10:30:00Z")))
                .contains(new DueFire(at("2026-05-04T10:00:00Z"), RunTrigger.CATCH_UP));
    }

    @Test
    void nothingIsDueBeforeTheNextFire() {
        assertThat(DueFire.find(HOURLY, CatchUpPolicy.RUN_ONCE, at("2026-05-04T10:00:00Z"), at("2026-05-04T10:59:59Z")))
                .isEmpty();
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
