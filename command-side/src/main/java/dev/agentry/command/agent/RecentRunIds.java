package dev.agentry.command.agent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The run ids an agent saw most recently, so that a repeated report of the same run changes
 * nothing. Bounded: beyond {@link #CAPACITY} ids the oldest is forgotten. Runs finish roughly in
 * the order they started and a repeated report (an activity retry, a redelivered command) follows
 * the first within minutes, so a report that old is not expected; if one came, it would be
 * recorded again.
 */
final class RecentRunIds {

    static final int CAPACITY = 200;

    private final Set<String> ids = new LinkedHashSet<>();

    /** As a snapshot reads them back: oldest first. */
    @JsonCreator
    static RecentRunIds of(List<String> oldestFirst) {
        RecentRunIds recent = new RecentRunIds();
        oldestFirst.forEach(recent::remember);
        return recent;
    }

    /** As a snapshot writes them: oldest first, so that the oldest is still forgotten first. */
    @JsonValue
    List<String> oldestFirst() {
        return List.copyOf(ids);
    }

    boolean contains(String runId) {
        return ids.contains(runId);
    }

    void remember(String runId) {
        if (ids.add(runId) && ids.size() > CAPACITY) {
            Iterator<String> oldest = ids.iterator();
            oldest.next();
            oldest.remove();
        }
    }
}
