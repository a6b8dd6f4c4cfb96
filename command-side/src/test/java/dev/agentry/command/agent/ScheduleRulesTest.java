package dev.agentry.command.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.agentry.command.agent.CreateAgentVerdicts.accepted;
import static dev.agentry.command.agent.CreateAgentVerdicts.rejectedBecause;
import static dev.agentry.command.agent.SettingsBuilder.settings;

/** Schedules as the agent accepts them: a cron that can fire, in an IANA timezone. */
class ScheduleRulesTest {

    @Test
    void anAgentWithoutAScheduleRunsOnlyOnDemandAndIsAccepted() {
        accepted(settings().schedule(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/5 * * * *", "0 9 * * 1-5", "30 2 * * SUN", "0 0 1 JAN *", "0 0 29 2 *",
            "0 0 31 2 1", "15 10 1,15 * *"})
    void aStandardCronThatFiresIsAccepted(String cron) {
        accepted(settings().schedule(cron, "UTC"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Asia/Kolkata",
            "Etc/GMT-2"})
    void anIanaTimezoneIsAccepted(String timezone) {
        accepted(settings().schedule("0 9 * * *", timezone));
    }

    @Test
    void aCronWithFourFieldsIsRejected() {
        rejectedBecause(settings().schedule("0 9 * *", "UTC"),
                "cron '0 9 * *' has 4 fields; expected 5: minute hour day-of-month month day-of-week");
    }

    @Test
    void aCronWithSecondsIsRejected() {
        rejectedBecause(settings().schedule("0 0 9 * * *", "UTC"),
                "cron '0 0 9 * * *' has 6 fields; expected 5: minute hour day-of-month month day-of-week");
    }

    @Test
    void aCronNicknameIsRejected() {
        rejectedBecause(settings().schedule("@daily", "UTC"),
                "cron '@daily' has 1 field; expected 5: minute hour day-of-month month day-of-week");
    }

    @Test
    void aCronValueOutOfRangeIsRejected() {
        rejectedBecause(settings().schedule("61 * * * *", "UTC"),
                "cron '61 * * * *' is not a valid 5-field cron expression: Value 61 not in range [0, 59]");
    }

    @Test
    void quartzOnlySyntaxIsRejected() {
        rejectedBecause(settings().schedule("0 0 ? * *", "UTC"),
                "cron '0 0 ? * *' is not a valid 5-field cron expression: Invalid expression: ?");
    }

    @Test
    void aCronOnTheThirtyFirstOfFebruaryIsRejectedAsNeverFiring() {
        rejectedBecause(settings().schedule("0 0 31 2 *", "UTC"),
                "cron '0 0 31 2 *' never fires: no date matches it (such as 30 February)");
    }

    @Test
    void aCronOnTheThirtiethOfFebruaryIsRejectedAsNeverFiring() {
        rejectedBecause(settings().schedule("0 0 30 2 *", "Europe/Berlin"),
                "cron '0 0 30 2 *' never fires: no date matches it (such as 30 February)");
    }

    @Test
    void aCronOnlyOnDaysShortMonthsLackIsRejectedAsNeverFiring() {
        rejectedBecause(settings().schedule("*/5 * 31 4,6,9,11 *", "UTC"),
                "cron '*/5 * 31 4,6,9,11 *' never fires: no date matches it (such as 30 February)");
    }

    @Test
    void aBlankCronIsRejected() {
        rejectedBecause(settings().schedule(" ", "UTC"),
                "schedule.cron must not be blank; leave out the schedule to run only on demand");
    }

    @Test
    void aCronLongerThanOneHundredCharactersIsRejected() {
        rejectedBecause(settings().schedule("0 " + "1,".repeat(50) + "2 * * *", "UTC"),
                "schedule.cron must be at most 100 characters");
    }

    @Test
    void anUnknownTimezoneIsRejected() {
        rejectedBecause(settings().schedule("0 9 * * *", "Mars/Olympus"),
                "timezone 'Mars/Olympus' is not an IANA timezone");
    }

    @Test
    void aTimezoneInTheWrongCaseIsRejected() {
        rejectedBecause(settings().schedule("0 9 * * *", "europe/berlin"),
                "timezone 'europe/berlin' is not an IANA timezone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+02:00", "-0530", "Z", "UTC+02:00", "GMT+1"})
    void aFixedOffsetIsRejectedBecauseItIgnoresDaylightSaving(String offset) {
        rejectedBecause(settings().schedule("0 9 * * *", offset),
                "timezone '" + offset + "' is a UTC offset, not an IANA timezone; use a region such as "
                        + "'Europe/Berlin', or 'UTC'");
    }

    @Test
    void aMissingTimezoneIsRejected() {
        rejectedBecause(settings().schedule("0 9 * * *", null),
                "schedule.timezone is required, e.g. 'UTC' or 'Europe/Berlin'");
    }

    @Test
    void aTimezoneLongerThanSixtyFourCharactersIsRejected() {
        rejectedBecause(settings().schedule("0 9 * * *", "Europe/" + "x".repeat(58)),
                "schedule.timezone must be at most 64 characters");
    }
}
