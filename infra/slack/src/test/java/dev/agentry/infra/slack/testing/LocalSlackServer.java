package dev.agentry.infra.slack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The Slack Web API as a client sees it: {@code POST /api/<method>} with form parameters and
 * {@code Authorization: Bearer <token>}, JSON answers with {@code ok}, {@code ok:false} errors in Slack's
 * words, cursor pagination in {@code response_metadata.next_cursor} (empty on the last page), message
 * metadata on {@code chat.postMessage} and {@code conversations.history}, and 429 with {@code Retry-After}.
 * Each bot token is one workspace of its own. Outside {@code /api/}, {@code GET /inspect/messages} lists the accepted
 * messages (without tokens) for a test that runs in another process, such as the TypeScript MCP client's suite.
 */
public final class LocalSlackServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One Web API call as it arrived. */
    public record Call(String method, String token, Map<String, String> parameters) {
    }

    /** A message the server accepted. */
    public record Message(String token, String channel, String text, String ts, JsonNode metadata) {
    }

    public record User(String id, String name, String realName, String email, boolean isBot, boolean deleted) {
    }

    public record Channel(String id, String name, boolean isPrivate, boolean isMember) {
    }

    /** A workspace, reached with its bot token. */
    public final class Workspace {
        final String teamId;
        final String teamName;
        final String botUserId;
        final List<User> users = new CopyOnWriteArrayList<>();
        final List<Channel> channels = new CopyOnWriteArrayList<>();

        Workspace(String teamId, String teamName, String botUserId) {
            this.teamId = teamId;
            this.teamName = teamName;
            this.botUserId = botUserId;
        }

        public Workspace user(String id, String name, String realName, String email) {
            users.add(new User(id, name, realName, email, false, false));
            return this;
        }

        public Workspace bot(String id, String name) {
            users.add(new User(id, name, name, null, true, false));
            return this;
        }

        public Workspace deletedUser(String id, String name, String email) {
            users.add(new User(id, name, name, email, false, true));
            return this;
        }

        public Workspace channel(String id, String name, boolean isPrivate, boolean isMember) {
            channels.add(new Channel(id, name, isPrivate, isMember));
            return this;
        }
    }

    private final HttpServer server;
    private final Map<String, Workspace> workspaces = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Integer>> rateLimits = new ConcurrentHashMap<>();
    private final Map<String, Queue<String>> refusals = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> lostAnswers = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000_100L);
    private volatile Consumer<Message> afterPost = message -> { };

    private LocalSlackServer(HttpServer server) {
        this.server = server;
    }

    public static LocalSlackServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        LocalSlackServer slack = new LocalSlackServer(server);
        server.createContext("/api/", slack::handle);
        server.createContext("/inspect/messages", slack::inspectMessages);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        return slack;
    }

    /** The method URL prefix to configure: {@code agentry.slack.base-url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    public Workspace workspace(String token, String teamId, String teamName, String botUserId) {
        Workspace workspace = new Workspace(teamId, teamName, botUserId);
        workspaces.put(token, workspace);
        return workspace;
    }

    /** The next calls of {@code method} answer 429 with these {@code Retry-After} seconds, one per call. */
    public void rateLimit(String method, Integer... retryAfterSeconds) {
        rateLimits.computeIfAbsent(method, name -> new ConcurrentLinkedQueue<>()).addAll(List.of(retryAfterSeconds));
    }

    /** The next calls of {@code method} answer {@code ok:false} with these errors, one per call. */
    public void refuse(String method, String... errors) {
        refusals.computeIfAbsent(method, name -> new ConcurrentLinkedQueue<>()).addAll(List.of(errors));
    }

    /** The next {@code count} calls of {@code method} are received and answered with nothing: the connection closes. */
    public void loseAnswers(String method, int count) {
        lostAnswers.computeIfAbsent(method, name -> new java.util.concurrent.atomic.AtomicInteger()).addAndGet(count);
    }

    /** Runs after a message was accepted and before its answer is sent, e.g. to fail the caller there. */
    public void afterPost(Consumer<Message> hook) {
        this.afterPost = hook;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String token = authorization != null && authorization.startsWith("Bearer ")
                    ? authorization.substring("Bearer ".length()) : null;
            Map<String, String> parameters = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (token == null && parameters.containsKey("token")) {
                token = parameters.get("token");
            }
            calls.add(new Call(method, token, parameters));
            Queue<Integer> limited = rateLimits.get(method);
            Integer retryAfter = limited == null ? null : limited.poll();
            if (retryAfter != null) {
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(retryAfter));
                send(exchange, 429, error("ratelimited"));
                return;
            }
            java.util.concurrent.atomic.AtomicInteger lost = lostAnswers.get(method);
            if (lost != null && lost.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new IOException("the answer to " + method + " is lost");
            }
            Queue<String> refused = refusals.get(method);
            String refusal = refused == null ? null : refused.poll();
            if (refusal != null) {
                send(exchange, 200, error(refusal));
                return;
            }
            Workspace workspace = token == null ? null : workspaces.get(token);
            if (workspace == null) {
                send(exchange, 200, error(token == null ? "not_authed" : "invalid_auth"));
                return;
            }
            send(exchange, 200, answer(method, token, workspace, parameters));
        }
    }

    /** {@code [{channel, text, ts, metadata}]} in the order accepted; never a token. */
    private void inspectMessages(HttpExchange exchange) throws IOException {
        try (exchange) {
            ArrayNode listed = JSON.createArrayNode();
            for (Message message : messages) {
                ObjectNode json = listed.addObject().put("channel", message.channel()).put("text", message.text())
                        .put("ts", message.ts());
                json.set("metadata", message.metadata());
            }
            byte[] bytes = listed.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /** The URL of {@code GET /inspect/messages}. */
    public String messagesUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/inspect/messages";
    }

    private ObjectNode answer(String method, String token, Workspace workspace, Map<String, String> parameters) {
        return switch (method) {
            case "auth.test" -> ok().put("url", "https://" + workspace.teamName.toLowerCase() + ".slack.com/")
                    .put("team", workspace.teamName).put("user", "agentry").put("team_id", workspace.teamId)
                    .put("user_id", workspace.botUserId).put("bot_id", "B" + workspace.botUserId.substring(1))
                    .put("is_enterprise_install", false);
            case "users.list" -> page(parameters, workspace.users, "members", LocalSlackServer::userJson);
            case "users.info" -> workspace.users.stream().filter(user -> user.id().equals(parameters.get("user")))
                    .findFirst().map(user -> (ObjectNode) ok().set("user", userJson(user)))
                    .orElseGet(() -> error("user_not_found"));
            case "users.lookupByEmail" -> workspace.users.stream()
                    .filter(user -> !user.deleted() && parameters.getOrDefault("email", "").equalsIgnoreCase(user.email()))
                    .findFirst().map(user -> (ObjectNode) ok().set("user", userJson(user)))
                    .orElseGet(() -> error("users_not_found"));
            case "conversations.list" -> page(parameters, workspace.channels, "channels", LocalSlackServer::channelJson);
            case "conversations.open" -> open(workspace, parameters.getOrDefault("users", ""));
            case "chat.postMessage" -> post(token, workspace, parameters);
            case "conversations.history" -> history(token, parameters.get("channel"));
            default -> error("unknown_method");
        };
    }

    private ObjectNode open(Workspace workspace, String userId) {
        if (workspace.users.stream().noneMatch(user -> user.id().equals(userId) && !user.deleted())) {
            return error("user_not_found");
        }
        ObjectNode channel = JSON.createObjectNode().put("id", "D" + userId.substring(1));
        return (ObjectNode) ok().put("no_op", false).put("already_open", false).set("channel", channel);
    }

    private ObjectNode post(String token, Workspace workspace, Map<String, String> parameters) {
        String channel = parameters.getOrDefault("channel", "");
        String text = parameters.getOrDefault("text", "");
        boolean direct = channel.startsWith("D");
        Channel known = workspace.channels.stream().filter(candidate -> candidate.id().equals(channel)).findFirst().orElse(null);
        if (!direct && known == null) {
            return error("channel_not_found");
        }
        if (!direct && !known.isMember()) {
            return error("not_in_channel");
        }
        if (text.isEmpty()) {
            return error("no_text");
        }
        if (text.length() > 40_000) {
            return error("msg_too_long");
        }
        JsonNode metadata = null;
        if (parameters.containsKey("metadata")) {
            try {
                metadata = JSON.readTree(parameters.get("metadata"));
            } catch (IOException e) {
                return error("invalid_metadata_format");
            }
        }
        String ts = nextTs();
        Message message = new Message(token, channel, text, ts, metadata);
        messages.add(message);
        afterPost.accept(message);
        ObjectNode posted = JSON.createObjectNode().put("type", "message").put("text", text).put("ts", ts)
                .put("user", workspace.botUserId);
        return (ObjectNode) ok().put("channel", channel).put("ts", ts).set("message", posted);
    }

    private ObjectNode history(String token, String channel) {
        ArrayNode found = JSON.createArrayNode();
        List<Message> newestFirst = new ArrayList<>(messages);
        java.util.Collections.reverse(newestFirst);
        for (Message message : newestFirst) {
            if (message.token().equals(token) && message.channel().equals(channel)) {
                ObjectNode json = found.addObject().put("type", "message").put("text", message.text()).put("ts", message.ts());
                if (message.metadata() != null) {
                    json.set("metadata", message.metadata());
                }
            }
        }
        return (ObjectNode) ok().put("has_more", false).set("messages", found);
    }

    private <T> ObjectNode page(Map<String, String> parameters, List<T> items,
                                String field, java.util.function.Function<T, ObjectNode> json) {
        int limit = Integer.parseInt(parameters.getOrDefault("limit", "100"));
        String cursor = parameters.getOrDefault("cursor", "");
        int from = cursor.isEmpty() ? 0 : Integer.parseInt(new String(java.util.Base64.getDecoder().decode(cursor),
                StandardCharsets.UTF_8).substring("next:".length()));
        int to = Math.min(items.size(), from + Math.max(1, limit));
        ArrayNode array = JSON.createArrayNode();
        items.subList(from, to).forEach(item -> array.add(json.apply(item)));
        String next = to < items.size()
                ? java.util.Base64.getEncoder().encodeToString(("next:" + to).getBytes(StandardCharsets.UTF_8)) : "";
        ObjectNode answer = ok();
        answer.set(field, array);
        answer.set("response_metadata", JSON.createObjectNode().put("next_cursor", next));
        return answer;
    }

    private static ObjectNode userJson(User user) {
        ObjectNode json = JSON.createObjectNode().put("id", user.id()).put("team_id", "T").put("name", user.name())
                .put("deleted", user.deleted()).put("real_name", user.realName()).put("is_bot", user.isBot());
        ObjectNode profile = json.putObject("profile").put("real_name", user.realName()).put("display_name", user.name());
        if (user.email() != null) {
            profile.put("email", user.email());
        }
        return json;
    }

    private static ObjectNode channelJson(Channel channel) {
        return JSON.createObjectNode().put("id", channel.id()).put("name", channel.name())
                .put("is_channel", !channel.isPrivate()).put("is_group", false).put("is_im", false)
                .put("is_private", channel.isPrivate()).put("is_member", channel.isMember()).put("is_archived", false);
    }

    private String nextTs() {
        long micros = clock.incrementAndGet();
        return "%d.%06d".formatted(micros / 1_000_000, micros % 1_000_000);
    }

    private static ObjectNode ok() {
        return JSON.createObjectNode().put("ok", true);
    }

    private static ObjectNode error(String code) {
        return JSON.createObjectNode().put("ok", false).put("error", code);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (body.isBlank()) {
            return parameters;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
