package dev.agentry.command.api;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetDayTest {

    private static final Schedule BERLIN = new Schedule("0 * * * *", "Europe/Berlin");

    @Test
    void theDayIsTheCalendarDayInTheSchedulesTimezone() {
        BudgetDay day = BudgetDay.of(Instant.parse("2026-11-26T23:30:00Z"), BERLIN);

        assertThat(day.date()).isEqualTo(LocalDate.parse("2026-11-27"));
        assertThat(day.start()).isEqualTo(Instant.parse("2026-11-26T23:00:00Z"));
        assertThat(day.end()).isEqualTo(Instant.parse("2026-11-27T23:00:00Z"));
        assertThat(day.contains(Instant.parse("2026-11-26T22:59:59Z"))).isFalse();
        assertThat(day.contains(Instant.parse("2026-11-26T23:00:00Z"))).isTrue();
        assertThat(day.contains(Instant.parse("2026-11-27T23:00:00Z"))).isFalse();
    }

    @Test
    void anAgentWithoutAScheduleCountsUtcDays() {
        BudgetDay day = BudgetDay.of(Instant.parse("2026-11-26T23:30:00Z"), null);

        assertThat(day.date()).isEqualTo(LocalDate.parse("2026-11-26"));
        assertThat(day.end()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
    }

    @Test
    void theDayOfAClockChangeIsAsLongAsItsWallClock() {
        BudgetDay springForward = BudgetDay.of(Instant.parse("2026-03-29T12:00:00Z"), BERLIN);

        assertThat(springForward.start()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(springForward.end()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
    }

    @Test
    void aScheduledRunStartsAtItsFireTimeAndAManualOneWhenItBegan() {
        Instant fire = Instant.parse("2026-11-26T23:59:00Z");
        Instant began = Instant.parse("2026-11-27T00:01:00Z");

        assertThat(RunTrigger.SCHEDULE.startOfRun(fire, began)).isEqualTo(fire);
        assertThat(RunTrigger.CATCH_UP.startOfRun(fire, began)).isEqualTo(fire);
        assertThat(RunTrigger.MANUAL.startOfRun(fire, began)).isEqualTo(began);
        assertThat(RunTrigger.MANUAL.startOfRun(fire, null)).isEqualTo(fire);
    }
}
