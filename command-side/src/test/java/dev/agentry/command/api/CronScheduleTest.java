package dev.agentry.command.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class CronScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void firesAtTheNextMatchingWallClockTimeOfItsZone() {
        CronSchedule weekdaysAtNine = CronSchedule.parse("0 9 * * 1-5", BERLIN);

        // Friday 10:00 in Berlin: the next weekday at nine is Monday
        assertThat(weekdaysAtNine.nextFireTime(berlin("2027-01-08T10:00")))
                .contains(berlin("2027-01-11T09:00"));
    }

    @Test
    void theNextFireTimeIsStrictlyAfterTheGivenOne() {
        CronSchedule everyFiveMinutes = CronSchedule.parse("*/5 * * * *", UTC);

        assertThat(everyFiveMinutes.nextFireTime(utc("2027-01-08T10:05"))).contains(utc("2027-01-08T10:10"));
    }

    @Test
    void theAnswerIsInTheSchedulesZoneWhateverZoneTheQuestionUsed() {
        CronSchedule nineInBerlin = CronSchedule.parse("0 9 * * *", BERLIN);

        ZonedDateTime next = nineInBerlin.nextFireTime(utc("2027-07-01T08:00")).orElseThrow();

        assertThat(next).isEqualTo(berlin("2027-07-02T09:00"));
        assertThat(next.withZoneSameInstant(ZoneOffset.UTC).getHour()).isEqualTo(7);
    }

    @Test
    void aTimeSkippedBySpringForwardFiresAsMuchLaterAsTheClockJumped() {
        CronSchedule halfPastTwo = CronSchedule.parse("30 2 * * *", BERLIN);

        // 28 March 2027: Berlin jumps from 02:00 to 03:00
        assertThat(fireTimes(halfPastTwo, berlin("2027-03-27T12:00"), 2))
                .containsExactly(berlin("2027-03-28T03:30"), berlin("2027-03-29T02:30"));
    }

    @Test
    void aTimeRepeatedByFallBackFiresOnce() {
        CronSchedule halfPastTwo = CronSchedule.parse("30 2 * * *", BERLIN);

        // 31 October 2027: Berlin goes from 03:00 back to 02:00
        List<ZonedDateTime> fires = fireTimes(halfPastTwo, berlin("2027-10-30T12:00"), 2);

        assertThat(fires).containsExactly(
                ZonedDateTime.ofLocal(LocalDateTime.parse("2027-10-31T02:30"), BERLIN, ZoneOffset.ofHours(2)),
                berlin("2027-11-01T02:30"));
    }

    @Test
    void askingFromInsideTheRepeatedHourStillAnswersALaterInstant() {
        CronSchedule everyQuarterHour = CronSchedule.parse("*/15 * * * *", BERLIN);
        ZonedDateTime secondTimeQuarterPastTwo =
                ZonedDateTime.ofLocal(LocalDateTime.parse("2027-10-31T02:15"), BERLIN, ZoneOffset.ofHours(1));

        ZonedDateTime next = everyQuarterHour.nextFireTime(secondTimeQuarterPastTwo).orElseThrow();

        assertThat(next.toInstant()).isEqualTo(secondTimeQuarterPastTwo.plusMinutes(15).toInstant());
    }

    @Test
    void whenBothDayFieldsAreRestrictedADayMatchingEitherFires() {
        CronSchedule thirteenthOrFriday = CronSchedule.parse("0 0 13 * 5", UTC);

        // 1 January 2027 is a Friday; the 13th is a Wednesday
        assertThat(fireTimes(thirteenthOrFriday, utc("2027-01-01T00:00"), 3))
                .containsExactly(utc("2027-01-08T00:00"), utc("2027-01-13T00:00"), utc("2027-01-15T00:00"));
    }

    @Test
    void sundayIsBothZeroAndSeven() {
        ZonedDateTime wednesday = utc("2027-01-06T12:00");

        assertThat(CronSchedule.parse("0 8 * * 0", UTC).nextFireTime(wednesday)).contains(utc("2027-01-10T08:00"));
        assertThat(CronSchedule.parse("0 8 * * 7", UTC).nextFireTime(wednesday)).contains(utc("2027-01-10T08:00"));
    }

    @Test
    void theTwentyNinthOfFebruaryWaitsOutACenturyYearThatIsNotLeap() {
        CronSchedule leapDay = CronSchedule.parse("0 0 29 2 *", UTC);

        assertThat(leapDay.nextFireTime(utc("2096-03-01T00:00"))).contains(utc("2104-02-29T00:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 30 2 *", "0 0 31 2 *", "0 0 30,31 2 *", "* * 30 2 *", "0 0 31 4,6,9,11 *"})
    void aDateNoMonthHasNeverFiresAndSaysSoPromptly(String impossible) {
        CronSchedule schedule = CronSchedule.parse(impossible, BERLIN);

        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThat(schedule.nextFireTime(berlin("2027-02-27T12:00"))).isEmpty());
    }

    @Test
    void surroundingSpacesAreIgnored() {
        assertThat(CronSchedule.parse("  0 9 * * *  ", UTC).expression()).isEqualTo("0 9 * * *");
    }

    @Test
    void aStoredScheduleIsReadWithItsTimezone() {
        CronSchedule schedule = CronSchedule.of(new Schedule("0 9 * * *", "Asia/Kolkata"));

        assertThat(schedule.zone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThat(schedule.nextFireTime(utc("2027-01-01T00:00")))
                .contains(ZonedDateTime.of(LocalDateTime.parse("2027-01-01T09:00"), ZoneId.of("Asia/Kolkata")));
    }

    @Test
    void aWrongNumberOfFieldsIsExplained() {
        assertThatThrownBy(() -> CronSchedule.parse("0 9 * *", UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cron '0 9 * *' has 4 fields; expected 5: minute hour day-of-month month day-of-week");
    }

    @Test
    void anUnparsableFieldIsExplainedWithoutTheParsersPreamble() {
        assertThatThrownBy(() -> CronSchedule.parse("0 25 * * *", UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cron '0 25 * * *' is not a valid 5-field cron expression: Value 25 not in range [0, 23]");
    }

    @Test
    void aBlankExpressionIsRejected() {
        assertThatThrownBy(() -> CronSchedule.parse("  ", UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cron must not be blank");
    }

    private static List<ZonedDateTime> fireTimes(CronSchedule schedule, ZonedDateTime after, int count) {
        List<ZonedDateTime> fires = new ArrayList<>();
        ZonedDateTime previous = after;
        for (int i = 0; i < count; i++) {
            previous = schedule.nextFireTime(previous).orElseThrow();
            fires.add(previous);
        }
        return fires;
    }

    private static ZonedDateTime berlin(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), BERLIN);
    }

    private static ZonedDateTime utc(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), UTC);
    }
}
