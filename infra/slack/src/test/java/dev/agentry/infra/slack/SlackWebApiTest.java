package dev.agentry.infra.slack;

import dev.agentry.infra.slack.SlackRecords.Channel;
import dev.agentry.infra.slack.SlackRecords.Member;
import dev.agentry.infra.slack.SlackRecords.Page;
import dev.agentry.infra.slack.testing.LocalSlackServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Slack's Java SDK against a local server speaking the Web API's wire format. */
class SlackWebApiTest {

    private static final BotToken TOKEN = new BotToken("xoxb-test-acme");
    private static LocalSlackServer slack;
    private static SlackWebApi api;

    @BeforeAll
    static void startSlack() throws Exception {
        slack = LocalSlackServer.start();
        slack.workspace(TOKEN.value(), "T0ACME", "Acme", "U0BOT")
                .user("U01ADA", "ada", "Ada Lovelace", "ada@acme.test")
                .deletedUser("U02GONE", "gone", "gone@acme.test")
                .user("U03BOB", "bob", "Bob Builder", "bob@acme.test")
                .bot("U04HELPER", "helper")
                .channel("C01GEN", "general", false, true)
                .channel("C02RAND", "random", false, false)
                .channel("G03SECRET", "secret", true, true);
        api = new SlackWebApi(new SlackProperties(slack.baseUrl(), Duration.ofSeconds(5), 3));
    }

    @AfterAll
    static void stopSlack() {
        slack.close();
    }

    @Test
    void authTestNamesTheTeamAndTheBotWithTheTokenAsBearer() {
        SlackRecords.Workspace workspace = api.checkToken(TOKEN);

        assertThat(workspace).isEqualTo(new SlackRecords.Workspace("T0ACME", "Acme", "U0BOT"));
        assertThat(slack.calls("auth.test")).last().extracting(LocalSlackServer.Call::token).isEqualTo(TOKEN.value());
    }

    @Test
    void aRefusedTokenIsAFailureOfItsOwnKind() {
        assertThatThrownBy(() -> api.checkToken(new BotToken("xoxb-unknown")))
                .isInstanceOfSatisfying(SlackFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(SlackFailure.Kind.REFUSED_TOKEN);
                    assertThat(failure.slackError()).isEqualTo("invalid_auth");
                })
                .message().doesNotContain("xoxb-unknown");
    }

    @Test
    void usersArePagedByCursorAndDeletedUsersAreLeftOut() {
        Page<Member> first = api.users(TOKEN, 2, null, null);
        Page<Member> second = api.users(TOKEN, 2, first.nextCursor(), null);

        assertThat(first.items()).extracting(Member::id).containsExactly("U01ADA");
        assertThat(first.nextCursor()).isNotBlank();
        assertThat(second.items()).extracting(Member::id).containsExactly("U03BOB", "U04HELPER");
        assertThat(second.nextCursor()).isNull();
        assertThat(second.items().get(1).isBot()).isTrue();
        assertThat(first.items().get(0)).isEqualTo(new Member("U01ADA", "ada", "Ada Lovelace", "ada@acme.test", false));
    }

    @Test
    void aQueryKeepsTheUsersItMatches() {
        assertThat(api.users(TOKEN, 100, null, "BUILDER").items()).extracting(Member::id).containsExactly("U03BOB");
    }

    @Test
    void channelsArePagedByCursor() {
        Page<Channel> first = api.channels(TOKEN, 2, null);
        Page<Channel> second = api.channels(TOKEN, 2, first.nextCursor());

        assertThat(first.items()).containsExactly(new Channel("C01GEN", "general", false, true),
                new Channel("C02RAND", "random", false, false));
        assertThat(second.items()).containsExactly(new Channel("G03SECRET", "secret", true, true));
        assertThat(second.nextCursor()).isNull();
        assertThat(slack.calls("conversations.list")).last().satisfies(call ->
                assertThat(call.parameters()).containsEntry("types", "public_channel,private_channel"));
    }

    @Test
    void aUserIsFoundByIdEmailOrName() {
        assertThat(api.findUser(TOKEN, "U03BOB").name()).isEqualTo("bob");
        assertThat(api.findUser(TOKEN, "ada@acme.test").id()).isEqualTo("U01ADA");
        assertThat(slack.calls("users.lookupByEmail")).last().satisfies(call ->
                assertThat(call.parameters()).containsEntry("email", "ada@acme.test"));
        assertThat(api.findUser(TOKEN, "Bob Builder").id()).isEqualTo("U03BOB");
        assertThat(api.findUser(TOKEN, "@ada").id()).isEqualTo("U01ADA");
    }

    @Test
    void anUnknownOrDeletedUserIsNotFound() {
        assertThatThrownBy(() -> api.findUser(TOKEN, "nobody@acme.test"))
                .isInstanceOfSatisfying(SlackFailure.class, failure ->
                        assertThat(failure.kind()).isEqualTo(SlackFailure.Kind.NOT_FOUND));
        assertThatThrownBy(() -> api.findUser(TOKEN, "gone"))
                .isInstanceOfSatisfying(SlackFailure.class, failure ->
                        assertThat(failure.kind()).isEqualTo(SlackFailure.Kind.NOT_FOUND));
    }

    @Test
    void aMessageIsPostedToAChannelByName() {
        String channel = api.channelId(TOKEN, "#general");
        SlackRecords.Posted posted = api.post(TOKEN, channel, "hello *team*", null, false);

        assertThat(posted.channel()).isEqualTo("C01GEN");
        assertThat(slack.messages()).last().satisfies(message -> {
            assertThat(message.text()).isEqualTo("hello *team*");
            assertThat(message.ts()).isEqualTo(posted.ts());
        });
    }

    @Test
    void slacksRefusalsOfAPostAreClassified() {
        assertThat(failureOf(() -> api.post(TOKEN, "C99NONE", "hi", null, false)))
                .isEqualTo(SlackFailure.Kind.NOT_FOUND);
        assertThat(failureOf(() -> api.post(TOKEN, "C02RAND", "hi", null, false)))
                .isEqualTo(SlackFailure.Kind.NOT_IN_CHANNEL);
        assertThat(failureOf(() -> api.post(TOKEN, "C01GEN", "x".repeat(40_001), null, false)))
                .isEqualTo(SlackFailure.Kind.TOO_LONG);
        assertThat(failureOf(() -> api.channelId(TOKEN, "#nowhere"))).isEqualTo(SlackFailure.Kind.NOT_FOUND);
    }

    @Test
    void aDirectMessageOpensTheConversationFirst() {
        SlackRecords.DirectMessage sent = api.sendDirect(TOKEN, "U01ADA", "psst", null, false);

        assertThat(sent.user()).isEqualTo("U01ADA");
        assertThat(sent.channel()).isEqualTo("D01ADA");
        assertThat(slack.calls("conversations.open")).last().satisfies(call ->
                assertThat(call.parameters()).containsEntry("users", "U01ADA"));
    }

    @Test
    void a429IsRetriedAfterItsRetryAfter() {
        slack.rateLimit("chat.postMessage", 1);
        int before = slack.calls("chat.postMessage").size();
        long started = System.nanoTime();

        SlackRecords.Posted posted = api.post(TOKEN, "C01GEN", "after the limit", null, false);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(slack.calls("chat.postMessage")).hasSize(before + 2);
        assertThat(slack.messages()).last().extracting(LocalSlackServer.Message::ts).isEqualTo(posted.ts());
    }

    @Test
    void aRetryAfterLongerThanACallWaitsFailsAsRateLimited() {
        slack.rateLimit("users.list", 120);

        assertThatThrownBy(() -> api.users(TOKEN, 10, null, null))
                .isInstanceOfSatisfying(SlackFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(SlackFailure.Kind.RATE_LIMITED);
                    assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(120));
                });
    }

    @Test
    void aRetriedSendFindsItsEarlierPostByTheDeliveryKeyInstead() {
        SlackRecords.Posted first = api.post(TOKEN, "C01GEN", "once only", "run-1/call-1", false);
        int messagesAfterFirst = slack.messages().size();

        SlackRecords.Posted retried = api.post(TOKEN, "C01GEN", "once only", "run-1/call-1", true);
        SlackRecords.Posted otherCall = api.post(TOKEN, "C01GEN", "another", "run-1/call-2", true);

        assertThat(retried).isEqualTo(first);
        assertThat(slack.messages()).hasSize(messagesAfterFirst + 1);
        assertThat(otherCall.ts()).isNotEqualTo(first.ts());
        assertThat(slack.messages().get(messagesAfterFirst - 1).metadata().path("event_payload")
                .path("delivery_key").asText()).isEqualTo("run-1/call-1");
    }

    /** OkHttp's own retry after a connection failure would post it again, out of sight of the delivery key. */
    @Test
    void aPostWhoseAnswerIsLostIsNotSentAgainByTheHttpClient() {
        // a pooled connection, which OkHttp retries on by default
        api.checkToken(TOKEN);
        int messagesBefore = slack.messages().size();
        slack.afterPost(message -> {
            throw new IllegalStateException("the answer to chat.postMessage is lost");
        });
        try {
            assertThat(failureOf(() -> api.post(TOKEN, "C01GEN", "answer lost", "run-2/call-1", false)))
                    .isEqualTo(SlackFailure.Kind.UNAVAILABLE);
        } finally {
            slack.afterPost(message -> { });
        }

        assertThat(slack.messages()).hasSize(messagesBefore + 1);
        assertThat(api.post(TOKEN, "C01GEN", "answer lost", "run-2/call-1", true).ts())
                .isEqualTo(slack.messages().get(messagesBefore).ts());
        assertThat(slack.messages()).hasSize(messagesBefore + 1);
    }

    @Test
    void aReadWhoseAnswerIsLostIsAskedOnceMore() {
        int callsBefore = slack.calls("auth.test").size();
        slack.loseAnswers("auth.test", 1);

        assertThat(api.checkToken(TOKEN).teamId()).isEqualTo("T0ACME");
        assertThat(slack.calls("auth.test")).hasSize(callsBefore + 2);

        slack.loseAnswers("auth.test", 2);
        assertThat(failureOf(() -> api.checkToken(TOKEN))).isEqualTo(SlackFailure.Kind.UNAVAILABLE);
        assertThat(slack.calls("auth.test")).hasSize(callsBefore + 4);
    }

    @Test
    void aNoticeCarriesItsIdAndARetriedNoticeFindsItsEarlierPost() {
        SlackRecords.DirectMessage first = api.sendNotice(TOKEN, "U01ADA", "agent failing", "agent-1/notice-1", false);
        int messagesAfterFirst = slack.messages().size();

        SlackRecords.DirectMessage retried = api.sendNotice(TOKEN, "U01ADA", "agent failing", "agent-1/notice-1", true);
        // a tool call's post with the same key is another kind of message
        api.sendDirect(TOKEN, "U01ADA", "a tool call", "agent-1/notice-2", false);
        SlackRecords.DirectMessage second = api.sendNotice(TOKEN, "U01ADA", "agent recovered", "agent-1/notice-2", true);

        assertThat(retried).isEqualTo(first);
        assertThat(first.channel()).isEqualTo("D01ADA");
        assertThat(slack.messages()).hasSize(messagesAfterFirst + 2);
        assertThat(second.ts()).isNotEqualTo(first.ts());
        LocalSlackServer.Message notice = slack.messages().get(messagesAfterFirst - 1);
        assertThat(notice.metadata().path("event_type").asText()).isEqualTo("agentry_failure_notice");
        assertThat(notice.metadata().path("event_payload").path("delivery_key").asText()).isEqualTo("agent-1/notice-1");
    }

    private static SlackFailure.Kind failureOf(Runnable call) {
        try {
            call.run();
        } catch (SlackFailure failure) {
            return failure.kind();
        }
        throw new AssertionError("Slack accepted it");
    }
}
