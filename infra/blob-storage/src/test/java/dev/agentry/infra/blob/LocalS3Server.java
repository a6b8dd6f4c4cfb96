package dev.agentry.infra.blob;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bucket as S3's REST API serves it, path-style: {@code PUT /<bucket>/<key>} stores an object, {@code GET}
 * returns it or {@code 404 NoSuchKey}, and requests without a SigV4 {@code Authorization} header are refused with
 * {@code 403 AccessDenied}. It can answer the next requests with {@code 503 SlowDown}, as S3 throttles, or refuse
 * every request, as S3 does for a role without permission.
 */
public final class LocalS3Server implements AutoCloseable {

    /** One request as it arrived: method, path-style key path, and its Authorization header. */
    public record Request(String method, String path, String authorization) {
    }

    private final HttpServer server;
    private final String bucket;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger slowDownsLeft = new AtomicInteger();
    private volatile boolean refusingEverything;

    private LocalS3Server(HttpServer server, String bucket) {
        this.server = server;
        this.bucket = bucket;
    }

    public static LocalS3Server start(String bucket) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            LocalS3Server s3 = new LocalS3Server(server, bucket);
            server.createContext("/", s3::handle);
            server.start();
            return s3;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code count} requests are answered {@code 503 SlowDown}. */
    public void slowDownNext(int count) {
        slowDownsLeft.set(count);
    }

    /** Every request from now on is answered {@code 403 AccessDenied}. */
    public void refuseEverything() {
        refusingEverything = true;
    }

    public Optional<String> object(String key) {
        return Optional.ofNullable(objects.get(key)).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            byte[] content = body.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(new Request(exchange.getRequestMethod(), path, authorization));
            if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 Credential=") || refusingEverything) {
                error(exchange, 403, "AccessDenied", "Access Denied");
                return;
            }
            if (slowDownsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                error(exchange, 503, "SlowDown", "Please reduce your request rate.");
                return;
            }
            String bucketPath = "/" + bucket + "/";
            if (!path.startsWith(bucketPath) || path.length() == bucketPath.length()) {
                error(exchange, 404, "NoSuchBucket", "The specified bucket does not exist");
                return;
            }
            String key = path.substring(bucketPath.length());
            switch (exchange.getRequestMethod()) {
                case "PUT" -> {
                    objects.put(key, content);
                    exchange.getResponseHeaders().add("ETag", etag(content));
                    exchange.sendResponseHeaders(200, -1);
                }
                case "GET" -> {
                    byte[] object = objects.get(key);
                    if (object == null) {
                        error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
                        return;
                    }
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.getResponseHeaders().add("ETag", etag(object));
                    exchange.sendResponseHeaders(200, object.length);
                    exchange.getResponseBody().write(object);
                }
                default -> error(exchange, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
            }
        }
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>local</HostId></Error>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.getResponseHeaders().add("x-amz-request-id", "4442587FB7D0A2F9");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, xml.length);
        exchange.getResponseBody().write(xml);
    }

    private static String etag(byte[] content) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
