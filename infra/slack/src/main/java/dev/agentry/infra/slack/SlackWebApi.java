package dev.agentry.infra.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.methods.response.users.UsersListResponse;
import com.slack.api.model.ConversationType;
import com.slack.api.model.Message;
import com.slack.api.model.ResponseMetadata;
import com.slack.api.model.User;
import com.slack.api.util.http.SlackHttpClient;
import dev.agentry.infra.slack.SlackRecords.Channel;
import dev.agentry.infra.slack.SlackRecords.DirectMessage;
import dev.agentry.infra.slack.SlackRecords.Member;
import dev.agentry.infra.slack.SlackRecords.Page;
import dev.agentry.infra.slack.SlackRecords.Posted;
import dev.agentry.infra.slack.SlackRecords.Workspace;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Slack Web API methods the platform uses, through Slack's Java SDK. {@code ok:false} answers become a
 * {@link SlackFailure} of the matching kind; a 429 is waited out ({@code Retry-After}) and retried a few times.
 */
public class SlackWebApi {

    /** The metadata event type of a message sent for one tool call, whose payload carries the call's delivery key. */
    static final String DELIVERY_EVENT_TYPE = "agentry_tool_call";
    /** The metadata event type of a failure notice, whose payload carries the notice id as its delivery key. */
    static final String NOTICE_EVENT_TYPE = "agentry_failure_notice";
    static final String DELIVERY_KEY = "delivery_key";
    /** How far back in a channel a retried send looks for its own earlier post. */
    private static final int DELIVERY_LOOKBACK = 100;
    private static final String POST_MESSAGE = "chat.postMessage";
    private static final Pattern USER_ID = Pattern.compile("^[UW][A-Z0-9]{2,}$");
    private static final Pattern CHANNEL_ID = Pattern.compile("^[CGD][A-Z0-9]{2,}$");

    private final Slack slack;
    private final SlackProperties properties;

    public SlackWebApi(SlackProperties properties) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(properties.baseUrl());
        // otherwise the client calls auth.test by itself to label its metrics
        config.setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        // OkHttp would send a request again on its own after a connection failure, even a post whose answer was
        // lost after Slack took it: posts are sent once here, and a retry first looks for the earlier post
        OkHttpClient okHttp = SlackHttpClient.buildOkHttpClient(config).newBuilder()
                .retryOnConnectionFailure(false)
                .build();
        SlackHttpClient http = new SlackHttpClient(okHttp);
        http.setConfig(config);
        this.slack = Slack.getInstance(config, http);
        this.properties = properties;
    }

    /** {@code auth.test}: whose bot the token is. */
    public Workspace checkToken(BotToken token) {
        AuthTestResponse identity = call("auth.test", () -> methods(token).authTest(request -> request));
        return new Workspace(identity.getTeamId(), identity.getTeam(), identity.getUserId());
    }

    /** {@code conversations.list}: public and private channels the bot can see, unarchived. */
    public Page<Channel> channels(BotToken token, int limit, String cursor) {
        ConversationsListResponse page = call("conversations.list", () -> methods(token).conversationsList(request ->
                request.types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))
                        .excludeArchived(true).limit(limit).cursor(blankToNull(cursor))));
        return new Page<>(page.getChannels().stream()
                .map(channel -> new Channel(channel.getId(), channel.getName(), channel.isPrivate(), channel.isMember()))
                .toList(), nextCursor(page.getResponseMetadata()));
    }

    /**
     * {@code users.list}, deleted users left out; {@code query} keeps those whose name, real name, display name
     * or e-mail contains it (case-insensitive), page by page.
     */
    public Page<Member> users(BotToken token, int limit, String cursor, String query) {
        UsersListResponse page = usersPage(token, limit, cursor);
        String needle = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        return new Page<>(page.getMembers().stream()
                .filter(user -> !user.isDeleted())
                .filter(user -> needle.isEmpty() || matches(user, needle))
                .map(SlackWebApi::member)
                .toList(), nextCursor(page.getResponseMetadata()));
    }

    /** A user by id, e-mail ({@code users.lookupByEmail}) or name (searching {@code users.list}). */
    public Member findUser(BotToken token, String reference) {
        String wanted = reference.trim();
        if (USER_ID.matcher(wanted).matches()) {
            User user = call("users.info", () -> methods(token).usersInfo(request -> request.user(wanted))).getUser();
            return member(user);
        }
        if (wanted.indexOf('@') > 0) {
            User user = call("users.lookupByEmail",
                    () -> methods(token).usersLookupByEmail(request -> request.email(wanted))).getUser();
            return member(user);
        }
        String name = wanted.startsWith("@") ? wanted.substring(1) : wanted;
        String cursor = null;
        do {
            UsersListResponse page = usersPage(token, 200, cursor);
            Optional<User> found = page.getMembers().stream()
                    .filter(user -> !user.isDeleted() && namedAs(user, name))
                    .findFirst();
            if (found.isPresent()) {
                return member(found.get());
            }
            cursor = nextCursor(page.getResponseMetadata());
        } while (cursor != null);
        throw new SlackFailure(SlackFailure.Kind.NOT_FOUND, "user_not_found",
                "no Slack user is named '%s'".formatted(name), null);
    }

    /** A channel id as given, or the id of the channel {@code #name}. */
    public String channelId(BotToken token, String reference) {
        String wanted = reference.trim();
        if (!wanted.startsWith("#") && CHANNEL_ID.matcher(wanted).matches()) {
            return wanted;
        }
        String name = wanted.startsWith("#") ? wanted.substring(1) : wanted;
        String cursor = null;
        do {
            Page<Channel> page = channels(token, 200, cursor);
            Optional<Channel> found = page.items().stream().filter(channel -> channel.name().equals(name)).findFirst();
            if (found.isPresent()) {
                return found.get().id();
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        throw new SlackFailure(SlackFailure.Kind.NOT_FOUND, "channel_not_found",
                "no Slack channel is named '#%s' that the bot can see".formatted(name), null);
    }

    /**
     * {@code chat.postMessage}. With a delivery key the message carries it in its metadata, and
     * {@code alreadyTried} first looks in the channel for a message that carries it: then that one is
     * answered and nothing is posted again.
     */
    public Posted post(BotToken token, String channelId, String text, String deliveryKey, boolean alreadyTried) {
        return post(token, channelId, text, DELIVERY_EVENT_TYPE, deliveryKey, alreadyTried);
    }

    /** {@code conversations.open} with the user, then {@link #post}. */
    public DirectMessage sendDirect(BotToken token, String userId, String text, String deliveryKey, boolean alreadyTried) {
        return sendDirect(token, userId, text, DELIVERY_EVENT_TYPE, deliveryKey, alreadyTried);
    }

    /**
     * A failure notice as a DM, carrying its notice id in the message metadata; {@code alreadyTried} first looks
     * for an earlier post of the same notice, as {@link #post} does for a tool call.
     */
    public DirectMessage sendNotice(BotToken token, String userId, String text, String noticeId, boolean alreadyTried) {
        return sendDirect(token, userId, text, NOTICE_EVENT_TYPE, noticeId, alreadyTried);
    }

    private DirectMessage sendDirect(BotToken token, String userId, String text, String eventType, String deliveryKey,
                                     boolean alreadyTried) {
        String channel = call("conversations.open",
                () -> methods(token).conversationsOpen(request -> request.users(List.of(userId)))).getChannel().getId();
        Posted posted = post(token, channel, text, eventType, deliveryKey, alreadyTried);
        return new DirectMessage(userId, posted.channel(), posted.ts());
    }

    private Posted post(BotToken token, String channelId, String text, String eventType, String deliveryKey,
                        boolean alreadyTried) {
        if (deliveryKey != null && alreadyTried) {
            Optional<Posted> earlier = findDelivered(token, channelId, eventType, deliveryKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        ChatPostMessageResponse posted = call(POST_MESSAGE, () -> methods(token).chatPostMessage(request -> {
            request.channel(channelId).text(text);
            if (deliveryKey != null) {
                request.metadata(new Message.Metadata(eventType, Map.of(DELIVERY_KEY, deliveryKey)));
            }
            return request;
        }));
        return new Posted(posted.getChannel(), posted.getTs());
    }

    private Optional<Posted> findDelivered(BotToken token, String channelId, String eventType, String deliveryKey) {
        ConversationsHistoryResponse history = call("conversations.history", () -> methods(token)
                .conversationsHistory(request -> request.channel(channelId).limit(DELIVERY_LOOKBACK).includeAllMetadata(true)));
        return history.getMessages().stream()
                .filter(message -> message.getMetadata() != null
                        && eventType.equals(message.getMetadata().getEventType())
                        && message.getMetadata().getEventPayload() != null
                        && deliveryKey.equals(String.valueOf(message.getMetadata().getEventPayload().get(DELIVERY_KEY))))
                .findFirst()
                .map(message -> new Posted(channelId, message.getTs()));
    }

    private UsersListResponse usersPage(BotToken token, int limit, String cursor) {
        return call("users.list", () -> methods(token).usersList(request -> request.limit(limit).cursor(blankToNull(cursor))));
    }

    private MethodsClient methods(BotToken token) {
        return slack.methods(token.value());
    }

    private interface SlackCall<T> {
        T run() throws IOException, SlackApiException;
    }

    private <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) {
        boolean askedAgain = false;
        int rateLimitRetries = 0;
        while (true) {
            try {
                T response = call.run();
                if (!response.isOk()) {
                    throw SlackFailure.of(response.getError(), method);
                }
                return response;
            } catch (SlackApiException httpError) {
                int status = httpError.getResponse().code();
                if (status != 429) {
                    throw new SlackFailure(SlackFailure.Kind.UNAVAILABLE, null,
                            "Slack answered HTTP %d to %s".formatted(status, method), null);
                }
                Duration wait = retryAfter(httpError);
                if (rateLimitRetries >= properties.rateLimitRetries() || wait.compareTo(properties.maxRetryAfter()) > 0) {
                    throw new SlackFailure(SlackFailure.Kind.RATE_LIMITED, "ratelimited",
                            "Slack is rate limiting %s; retry after %d s".formatted(method, wait.toSeconds()), wait);
                }
                sleep(wait);
                rateLimitRetries++;
            } catch (IOException unreachable) {
                // a read is asked once more (a pooled connection the server closed, say); a post is not, since it
                // may have reached Slack before its answer was lost
                if (!askedAgain && !POST_MESSAGE.equals(method)) {
                    askedAgain = true;
                    continue;
                }
                throw new SlackFailure(SlackFailure.Kind.UNAVAILABLE, null,
                        "Slack could not be reached for %s: %s".formatted(method, unreachable.getMessage()), null);
            }
        }
    }

    private static Duration retryAfter(SlackApiException rateLimited) {
        String header = rateLimited.getResponse().header("Retry-After");
        try {
            return Duration.ofSeconds(header == null ? 1 : Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            return Duration.ofSeconds(1);
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackFailure(SlackFailure.Kind.UNAVAILABLE, null, "interrupted while waiting out a rate limit", null);
        }
    }

    private static boolean matches(User user, String needle) {
        return contains(user.getName(), needle) || contains(user.getRealName(), needle)
                || (user.getProfile() != null && (contains(user.getProfile().getDisplayName(), needle)
                || contains(user.getProfile().getEmail(), needle)));
    }

    private static boolean namedAs(User user, String name) {
        return name.equalsIgnoreCase(Objects.toString(user.getName(), ""))
                || name.equalsIgnoreCase(Objects.toString(user.getRealName(), ""))
                || (user.getProfile() != null && name.equalsIgnoreCase(Objects.toString(user.getProfile().getDisplayName(), "")));
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static Member member(User user) {
        String email = user.getProfile() == null ? null : user.getProfile().getEmail();
        String realName = user.getRealName() != null ? user.getRealName()
                : user.getProfile() == null ? null : user.getProfile().getRealName();
        return new Member(user.getId(), user.getName(), realName, email, user.isBot());
    }

    private static String nextCursor(ResponseMetadata metadata) {
        return metadata == null || metadata.getNextCursor() == null || metadata.getNextCursor().isBlank()
                ? null : metadata.getNextCursor();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
