package dev.agentry.infra.secrets.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * AWS KMS as the SDK sees it: the JSON 1.1 protocol ({@code POST /}, {@code X-Amz-Target: TrentService.X},
 * {@code application/x-amz-json-1.1}, binary fields in base64) for {@code GenerateDataKey}, {@code Encrypt}
 * and {@code Decrypt}, with an error body in KMS's format for an unknown key. Each key ARN has its own AES key
 * here; a ciphertext blob is the key's index, a nonce and the AES-GCM ciphertext, opaque to the client as KMS's are.
 */
public final class LocalKmsServer implements AutoCloseable {

    /** One request as it arrived. */
    public record Request(String target, String contentType, String authorization, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ACCOUNT_ARN = "arn:aws:kms:eu-west-1:111122223333:key/";

    private final HttpServer server;
    private final List<String> keyArns = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private LocalKmsServer(HttpServer server) {
        this.server = server;
    }

    public static LocalKmsServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        LocalKmsServer kms = new LocalKmsServer(server);
        server.createContext("/", kms::handle);
        server.start();
        return kms;
    }

    /** Creates a key and answers its ARN, the key id to configure. */
    public String createKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String arn = ACCOUNT_ARN + java.util.UUID.randomUUID();
        keys.put(arn, key);
        keyArns.add(arn);
        return arn;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            requests.add(new Request(target, exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            try {
                ObjectNode answer = switch (String.valueOf(target)) {
                    case "TrentService.GenerateDataKey" -> generateDataKey(body);
                    case "TrentService.Encrypt" -> encrypt(body);
                    case "TrentService.Decrypt" -> decrypt(body);
                    default -> throw new KmsError(400, "UnknownOperationException", "unknown target " + target);
                };
                send(exchange, 200, answer);
            } catch (KmsError error) {
                send(exchange, error.status, JSON.createObjectNode()
                        .put("__type", error.type).put("message", error.getMessage()));
            }
        }
    }

    private ObjectNode generateDataKey(JsonNode body) {
        String arn = arnOf(body.path("KeyId").asText());
        if (!"AES_256".equals(body.path("KeySpec").asText())) {
            throw new KmsError(400, "ValidationException", "KeySpec must be AES_256 here");
        }
        byte[] dataKey = new byte[32];
        RANDOM.nextBytes(dataKey);
        return JSON.createObjectNode()
                .put("CiphertextBlob", base64(seal(arn, dataKey)))
                .put("Plaintext", base64(dataKey))
                .put("KeyId", arn);
    }

    private ObjectNode encrypt(JsonNode body) {
        String arn = arnOf(body.path("KeyId").asText());
        byte[] plaintext = Base64.getDecoder().decode(body.path("Plaintext").asText());
        return JSON.createObjectNode()
                .put("CiphertextBlob", base64(seal(arn, plaintext)))
                .put("KeyId", arn)
                .put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
    }

    private ObjectNode decrypt(JsonNode body) {
        ByteBuffer blob = ByteBuffer.wrap(Base64.getDecoder().decode(body.path("CiphertextBlob").asText()));
        int index = blob.getInt();
        if (index < 0 || index >= keyArns.size()) {
            throw new KmsError(400, "InvalidCiphertextException", "not a ciphertext of this KMS");
        }
        String arn = keyArns.get(index);
        if (body.hasNonNull("KeyId") && !arnOf(body.get("KeyId").asText()).equals(arn)) {
            throw new KmsError(400, "IncorrectKeyException", "the ciphertext was not encrypted under that key");
        }
        byte[] nonce = new byte[12];
        blob.get(nonce);
        byte[] sealed = new byte[blob.remaining()];
        blob.get(sealed);
        byte[] plaintext = aes(Cipher.DECRYPT_MODE, keys.get(arn), nonce, sealed);
        return JSON.createObjectNode()
                .put("KeyId", arn)
                .put("Plaintext", base64(plaintext))
                .put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
    }

    private byte[] seal(String arn, byte[] plaintext) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        byte[] sealed = aes(Cipher.ENCRYPT_MODE, keys.get(arn), nonce, plaintext);
        return ByteBuffer.allocate(4 + 12 + sealed.length).putInt(keyArns.indexOf(arn)).put(nonce).put(sealed).array();
    }

    private String arnOf(String keyId) {
        if (keys.containsKey(keyId)) {
            return keyId;
        }
        return keyArns.stream().filter(arn -> arn.endsWith("/" + keyId)).findFirst()
                .orElseThrow(() -> new KmsError(400, "NotFoundException", "Key '" + keyId + "' does not exist"));
    }

    private static byte[] aes(int mode, byte[] key, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            return cipher.doFinal(input);
        } catch (java.security.GeneralSecurityException e) {
            throw new KmsError(400, "InvalidCiphertextException", "the ciphertext does not open");
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static final class KmsError extends RuntimeException {
        final int status;
        final String type;

        KmsError(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }
    }
}
