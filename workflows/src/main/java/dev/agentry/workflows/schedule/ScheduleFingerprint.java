package dev.agentry.workflows.schedule;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.Schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint of the settings a schedule acts on: a pure function of them, so that whoever starts
 * or signals a schedule and whoever checks it later (reconciliation) derive the same value from the
 * events. Settings a schedule does not act on (name, instructions, model, tools) do not change it.
 */
public final class ScheduleFingerprint {

    private ScheduleFingerprint() {
    }

    /** The schedule settings of an agent, with their fingerprint. */
    public static ScheduleConfig configOf(AgentSettings settings) {
        return ScheduleConfig.of(settings, of(settings.schedule(), settings.overlap(), settings.catchUp()));
    }

    public static String of(Schedule schedule, OverlapPolicy overlap, CatchUpPolicy catchUp) {
        // the same defaults as ScheduleConfig, so that a missing policy and an explicit SKIP agree
        String canonical = String.join("\n",
                schedule == null ? "-" : String.valueOf(schedule.cron()),
                schedule == null ? "-" : String.valueOf(schedule.timezone()),
                (overlap == null ? OverlapPolicy.SKIP : overlap).name(),
                (catchUp == null ? CatchUpPolicy.SKIP : catchUp).name());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
