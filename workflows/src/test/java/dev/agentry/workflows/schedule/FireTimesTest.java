package dev.agentry.workflows.schedule;

import dev.agentry.command.api.Schedule;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FireTimesTest {

    private static final FireTimes DAILY_NINE_BERLIN = FireTimes.of(new Schedule("0 9 * * *", "Europe/Berlin"));

    @Test
    void theNextFireIsStrictlyAfterTheGivenInstant() {
        FireTimes everyFive = FireTimes.of(new Schedule("*/5 * * * *", "UTC"));

        assertThat(everyFive.nextFireAfter(at("2026-05-04T12:05:00Z"))).isEqualTo(at("2026-05-04T12:10:00Z"));
        assertThat(everyFive.nextFireAfter(at("2026-05-04T12:04:59.999Z"))).isEqualTo(at("2026-05-04T12:05:00Z"));
    }

    @Test
    void nineOClockInBerlinIsEightUtcInWinterAndSevenUtcInSummer() {
        assertThat(DAILY_NINE_BERLIN.nextFireAfter(at("2026-03-28T12:00:00Z"))).isEqualTo(at("2026-03-29T07:00:00Z"));
        assertThat(DAILY_NINE_BERLIN.nextFireAfter(at("2026-03-27T12:00:00Z"))).isEqualTo(at("2026-03-28T08:00:00Z"));
        assertThat(DAILY_NINE_BERLIN.nextFireAfter(at("2026-10-24T12:00:00Z"))).isEqualTo(at("2026-10-25T08:00:00Z"));
    }

    @Test
    void aWallClockTimeRepeatedByTheAutumnChangeFiresOnce() {
        FireTimes halfPastTwo = FireTimes.of(new Schedule("30 2 * * *", "Europe/Berlin"));

        Instant first = halfPastTwo.nextFireAfter(at("2026-10-24T12:00:00Z"));

        assertThat(first).isEqualTo(at("2026-10-25T00:30:00Z")); // 02:30 CEST
        assertThat(halfPastTwo.nextFireAfter(first)).isEqualTo(at("2026-10-26T01:30:00Z")); // next day, 02:30 CET
        assertThat(halfPastTwo.latestFireBetween(first, at("2026-10-25T01:35:00Z"))).isNull();
    }

    @Test
    void aWallClockTimeSkippedByTheSpringChangeFiresAsMuchLaterAsTheClockJumped() {
        FireTimes halfPastTwo = FireTimes.of(new Schedule("30 2 * * *", "Europe/Berlin"));

        Instant onTheNightOfTheChange = halfPastTwo.nextFireAfter(at("2026-03-28T12:00:00Z"));

        assertThat(onTheNightOfTheChange).isEqualTo(at("2026-03-29T01:30:00Z")); // 03:30 CEST
        assertThat(halfPastTwo.latestFireBetween(at("2026-03-28T12:00:00Z"), at("2026-03-29T02:00:00Z")))
                .isEqualTo(onTheNightOfTheChange);
    }

    @Test
    void aSparseScheduleAfterAGapLongerThanEverySearchWindowStillFindsItsLatestFire() {
        FireTimes yearly = FireTimes.of(new Schedule("0 0 1 1 *", "UTC"));

        assertThat(yearly.latestFireBetween(at("2010-06-01T00:00:00Z"), at("2026-03-01T00:00:00Z")))
                .isEqualTo(at("2026-01-01T00:00:00Z"));
        assertThat(yearly.latestFireBetween(at("2026-01-01T00:00:00Z"), at("2026-12-31T00:00:00Z"))).isNull();
    }

    @Test
    void theLatestFireBetweenTwoInstantsIncludesTheEndAndExcludesTheStart() {
        FireTimes hourly = FireTimes.of(new Schedule("0 * * * *", "UTC"));

        assertThat(hourly.latestFireBetween(at("2026-05-04T06:00:00Z"), at("2026-05-04T10:30:00Z")))
                .isEqualTo(at("2026-05-04T10:00:00Z"));
        assertThat(hourly.latestFireBetween(at("2026-05-04T06:00:00Z"), at("2026-05-04T10:00:00Z")))
                .isEqualTo(at("2026-05-04T10:00:00Z"));
        assertThat(hourly.latestFireBetween(at("2026-05-04T10:00:00Z"), at("2026-05-04T10:59:59Z"))).isNull();
    }

    @Test
    void theLatestFireAfterALongGapIsFoundWithoutSteppingThroughEveryFire() {
        FireTimes everyMinute = FireTimes.of(new Schedule("* * * * *", "Europe/Berlin"));

        assertThat(everyMinute.latestFireBetween(at("2026-01-01T00:00:00Z"), at("2026-03-01T10:30:42.5Z")))
                .isEqualTo(at("2026-03-01T10:30:00Z"));
    }

    @Test
    void anExpressionThatIsNotAFiveFieldCronOrATimezoneThatIsNotIanaIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> FireTimes.of(new Schedule("0 0 9 * * *", "UTC")));
        assertThatIllegalArgumentException().isThrownBy(() -> FireTimes.of(new Schedule("every day", "UTC")));
        assertThatIllegalArgumentException().isThrownBy(() -> FireTimes.of(new Schedule("0 9 * * *", "Mars/Olympus")));
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
