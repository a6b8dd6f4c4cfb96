package dev.agentry.command.agent;

import dev.agentry.command.api.AgentSettingsLimits;
import dev.agentry.command.api.CommandRejectedException;
import dev.agentry.command.api.CronSchedule;
import dev.agentry.command.api.RejectionCode;
import dev.agentry.command.api.Schedule;

import java.time.DateTimeException;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;

/** A schedule is a 5-field cron expression that can fire, in an IANA timezone. */
final class ScheduleRules {

    static final int MAX_CRON_LENGTH = AgentSettingsLimits.CRON_MAX_LENGTH;
    static final int MAX_TIMEZONE_LENGTH = AgentSettingsLimits.TIMEZONE_MAX_LENGTH;
    /** Whatever a 5-field cron can match recurs within 8 years; the rarest, 29 February, skips 2100. */
    private static final Period LONGEST_PAUSE_BETWEEN_FIRES = Period.ofYears(8);
    private static final Set<String> IANA_ZONE_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());

    private ScheduleRules() {
    }

    /** Accepts null, which means the agent only runs on demand. */
    static void check(Schedule schedule) {
        if (schedule == null) {
            return;
        }
        checkCronLength(schedule.cron());
        ZoneId zone = ianaZone(schedule.timezone());
        CronSchedule cron = parse(schedule.cron(), zone);
        ZonedDateTime now = ZonedDateTime.now(zone);
        boolean fires = cron.nextFireTime(now)
                .filter(next -> next.isBefore(now.plus(LONGEST_PAUSE_BETWEEN_FIRES)))
                .isPresent();
        if (!fires) {
            throw invalid("cron '%s' never fires: no date matches it (such as 30 February)"
                    .formatted(schedule.cron()));
        }
    }

    private static void checkCronLength(String cron) {
        if (cron == null || cron.isBlank()) {
            throw invalid("schedule.cron must not be blank; leave out the schedule to run only on demand");
        }
        if (cron.length() > MAX_CRON_LENGTH) {
            throw invalid("schedule.cron must be at most %d characters".formatted(MAX_CRON_LENGTH));
        }
    }

    private static ZoneId ianaZone(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            throw invalid("schedule.timezone is required, e.g. 'UTC' or 'Europe/Berlin'");
        }
        if (timezone.length() > MAX_TIMEZONE_LENGTH) {
            throw invalid("schedule.timezone must be at most %d characters".formatted(MAX_TIMEZONE_LENGTH));
        }
        if (IANA_ZONE_IDS.contains(timezone)) {
            return ZoneId.of(timezone);
        }
        if (isFixedOffset(timezone)) {
            // an offset would silently ignore daylight saving, which is rarely what the owner meant
            throw invalid(("timezone '%s' is a UTC offset, not an IANA timezone; use a region such as "
                    + "'Europe/Berlin', or 'UTC'").formatted(timezone));
        }
        throw invalid("timezone '%s' is not an IANA timezone".formatted(timezone));
    }

    private static boolean isFixedOffset(String timezone) {
        try {
            return ZoneId.of(timezone).normalized() instanceof ZoneOffset;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static CronSchedule parse(String cron, ZoneId zone) {
        try {
            return CronSchedule.parse(cron, zone);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static CommandRejectedException invalid(String message) {
        return new CommandRejectedException(RejectionCode.INVALID_ARGUMENT, message);
    }
}
