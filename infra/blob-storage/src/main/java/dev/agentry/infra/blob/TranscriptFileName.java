package dev.agentry.infra.blob;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The name a run's transcript is stored under, in a folder or as the last part of an object key. */
final class TranscriptFileName {

    private TranscriptFileName() {
    }

    /** Run ids come from outside; encoding keeps any of them one plain name, without separators or a leading dot. */
    static String of(String runId) {
        String encoded = URLEncoder.encode(runId, StandardCharsets.UTF_8).replace("*", "%2A");
        return (encoded.startsWith(".") ? "%2E" + encoded.substring(1) : encoded) + ".json";
    }
}
