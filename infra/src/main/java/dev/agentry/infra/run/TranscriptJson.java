package dev.agentry.infra.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.workflows.run.RunTranscript;
import io.temporal.common.converter.JacksonJsonPayloadConverter;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The stored form of a transcript: the same JSON in which the run workflow's payloads travel, so a
 * transcript reads back exactly as the run saw it.
 */
public final class TranscriptJson {

    private static final ObjectMapper JSON = JacksonJsonPayloadConverter.newDefaultObjectMapper();

    private TranscriptJson() {
    }

    public static byte[] write(RunTranscript transcript) {
        try {
            return JSON.writeValueAsBytes(transcript);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("transcript of run " + transcript.runId() + " cannot be written", e);
        }
    }

    public static RunTranscript read(byte[] json) {
        try {
            return JSON.readValue(json, RunTranscript.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored transcript is not readable", e);
        }
    }
}
