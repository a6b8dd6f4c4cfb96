package dev.agentry.infra.blob;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.workflows.run.RunTranscript;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The stored form of a transcript: plain JSON of the run's records, ISO-8601 instants, so that a
 * transcript reads back exactly as the run saw it.
 */
final class TranscriptJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // a transcript written by a newer version still reads
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TranscriptJson() {
    }

    static byte[] write(RunTranscript transcript) {
        try {
            return JSON.writeValueAsBytes(transcript);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("transcript of run " + transcript.runId() + " cannot be written", e);
        }
    }

    static RunTranscript read(byte[] json) {
        try {
            return JSON.readValue(json, RunTranscript.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored transcript is not readable", e);
        }
    }
}
