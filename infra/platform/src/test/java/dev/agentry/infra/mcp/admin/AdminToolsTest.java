package dev.agentry.infra.mcp.admin;

import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.IssueApiToken;
import dev.agentry.command.api.MessageMetadata;
import dev.agentry.command.api.RevokeApiToken;
import dev.agentry.command.api.Role;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolCalls;
import dev.agentry.infra.mcp.security.ApiTokens;
import dev.agentry.infra.mcp.security.Authenticators;
import dev.agentry.infra.mcp.security.BearerTokenAuthenticator;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.platform.testing.InMemoryMessaging;
import dev.agentry.query.api.ApiTokenView;
import dev.agentry.query.api.FindApiToken;
import dev.agentry.query.api.FindApiTokenByHash;
import dev.agentry.query.api.FindUser;
import dev.agentry.query.api.FindUserByName;
import dev.agentry.query.api.UserView;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.agentry.infra.mcp.ToolCalls.errorText;
import static dev.agentry.infra.mcp.ToolCalls.structured;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin tools against Axon's real gateways, with a stand-in for the user aggregate and its read model. */
class AdminToolsTest {

    private static final Caller ADMIN = new Caller("user-admin", "admin", Role.ADMIN);
    private static final Caller ALICE = new Caller("user-alice", "alice", Role.USER);

    private final Map<String, UserView> users = new ConcurrentHashMap<>(Map.of("user-alice", new UserView("user-alice", "alice", Role.USER)));
    private final Map<String, ApiTokenView> tokens = new ConcurrentHashMap<>();
    private final InMemoryMessaging messaging = new InMemoryMessaging()
            .onCommand(CreateUser.class, command -> {
                // the event store refuses a second stream of the same aggregate id
                if (users.putIfAbsent(command.userId(), new UserView(command.userId(), command.username(), command.role())) != null) {
                    throw new AggregateStreamCreationException("Cannot reuse aggregate identifier [" + command.userId() + "]");
                }
                return null;
            })
            .onCommand(IssueApiToken.class, command -> tokens.put(command.tokenId(),
                    new ApiTokenView(command.tokenId(), command.tokenHash(), false, users.get(command.userId()))))
            .onCommand(RevokeApiToken.class, command -> tokens.computeIfPresent(command.tokenId(),
                    (id, token) -> new ApiTokenView(id, token.tokenHash(), true, token.user())))
            .onQuery(FindUser.class, UserView.class, query -> users.get(query.userId()))
            // as if the read model had not seen the first user yet: the event store is the last guard
            .onQuery(FindUserByName.class, UserView.class, query -> null)
            .onQuery(FindApiToken.class, ApiTokenView.class, query -> tokens.get(query.tokenId()))
            .onQuery(FindApiTokenByHash.class, ApiTokenView.class, query -> tokens.values().stream()
                    .filter(token -> token.tokenHash().equals(query.tokenHash())).findFirst().orElse(null));

    private final ReadModelQueries readModel = new ReadModelQueries(messaging.queryGateway(), InMemoryMessaging.readModelsAlwaysCurrent(), ToolCalls.PROPERTIES);
    private final CommandSender commands = new CommandSender(messaging.commandGateway(), ToolCalls.PROPERTIES);
    private final CreateUserTool createUser = new CreateUserTool(commands, readModel);
    private final IssueTokenTool issueToken = new IssueTokenTool(commands, readModel, Clock.systemUTC());
    /** how long each node goes on accepting a token it found valid */
    private static final Duration VALID_TOKEN_CACHE_TIME = Duration.ofMillis(300);
    private final BearerTokenAuthenticator thisNode = Authenticators.over(messaging.queryGateway(), VALID_TOKEN_CACHE_TIME);
    private final RevokeTokenTool revokeToken = new RevokeTokenTool(commands, readModel, thisNode);

    @Test
    void aUserWhoIsNotAnAdminIsDeniedEveryAdminToolAndChangesNothing() {
        for (McpTool<?> tool : List.<McpTool<?>>of(createUser, issueToken, revokeToken)) {
            Map<String, Object> arguments = Map.of(
                    "create_user", Map.<String, Object>of("username", "mallory", "role", "ADMIN"),
                    "issue_token", Map.<String, Object>of("user_id", "user-alice"),
                    "revoke_token", Map.<String, Object>of("token_id", "tok_1")).get(tool.definition().name());

            assertThat(errorText(ToolCalls.call(tool, ALICE, arguments)))
                    .isEqualTo("permission_denied: " + tool.definition().name() + " requires the ADMIN role");
        }
        assertThat(messaging.sentCommands()).isEmpty();
    }

    @Test
    void aNewUsersIdIsDerivedFromTheNameAndTheRoleDefaultsToUser() {
        assertThat(structured(createUser, ToolCalls.call(createUser, ADMIN, Map.of("username", "bob"))))
                .isEqualTo(Map.of("user_id", "user-bob", "username", "bob", "role", "USER"));
        assertThat(messaging.sentCommands().get(0).payload()).isEqualTo(new CreateUser("user-bob", "bob", Role.USER));
        assertThat(messaging.sentCommands().get(0).metaData()).containsEntry(MessageMetadata.ACTOR_ID, "user-admin");
    }

    @Test
    void aSecondUserOfTheSameNameIsRefused() {
        ToolCalls.call(createUser, ADMIN, Map.of("username", "bob"));

        assertThat(errorText(ToolCalls.call(createUser, ADMIN, Map.of("username", "bob", "role", "ADMIN"))))
                .isEqualTo("failed_precondition: user 'bob' already exists");
        assertThat(users.get("user-bob").role()).isEqualTo(Role.USER);
    }

    @Test
    void aUsernameOutsideTheAllowedCharactersOrAnUnknownRoleIsRefused() {
        assertThat(errorText(ToolCalls.call(createUser, ADMIN, Map.of("username", "bob smith"))))
                .startsWith("invalid_argument: username: ").contains("lower-case letters, digits, '.', '_' and '-'");
        assertThat(errorText(ToolCalls.call(createUser, ADMIN, Map.of("username", "Bob"))))
                .startsWith("invalid_argument: username: ").contains("lower-case letters, digits, '.', '_' and '-'");
        assertThat(errorText(ToolCalls.call(createUser, ADMIN, Map.of("username", "bob", "role", "ROOT"))))
                .startsWith("invalid_argument: role: ").contains("[\"USER\", \"ADMIN\"]");
        assertThat(messaging.sentCommands()).isEmpty();
    }

    @Test
    void anIssuedTokenIsAnsweredOnceAndOnlyItsHashIsSent() {
        Map<String, Object> issued = structured(issueToken, ToolCalls.call(issueToken, ADMIN, Map.of("user_id", "user-alice")));

        String token = issued.get("token").toString();
        IssueApiToken sent = (IssueApiToken) messaging.sentCommands().get(0).payload();
        assertThat(token).matches("agt_[A-Za-z0-9_-]{43}");
        assertThat(sent.tokenId()).isEqualTo(issued.get("token_id")).startsWith("tok_");
        assertThat(sent.tokenHash()).isEqualTo(ApiTokens.sha256Hex(token)).doesNotContain(token);
        assertThat(sent.userId()).isEqualTo("user-alice");
    }

    @Test
    void noTokenIsIssuedForAnUnknownUser() {
        assertThat(errorText(ToolCalls.call(issueToken, ADMIN, Map.of("user_id", "user-nobody"))))
                .isEqualTo("not_found: user 'user-nobody' not found");
        assertThat(messaging.sentCommands()).isEmpty();
    }

    @Test
    void revokingATokenRevokesItForItsOwnUserAndRevokingAgainChangesNothing() {
        String tokenId = structured(issueToken, ToolCalls.call(issueToken, ADMIN, Map.of("user_id", "user-alice")))
                .get("token_id").toString();

        assertThat(structured(revokeToken, ToolCalls.call(revokeToken, ADMIN, Map.of("token_id", tokenId))))
                .isEqualTo(Map.of("token_id", tokenId, "user_id", "user-alice", "revoked", true));
        assertThat(messaging.sentCommands().get(1).payload()).isEqualTo(new RevokeApiToken("user-alice", tokenId));
        assertThat(tokens.get(tokenId).revoked()).isTrue();

        ToolCalls.call(revokeToken, ADMIN, Map.of("token_id", tokenId));
        assertThat(messaging.sentCommands()).hasSize(2);
    }

    @Test
    void aTokenAnotherNodeAcceptedAMomentAgoIsRefusedThereOnceRevokeTokenHasAnswered() {
        Map<String, Object> issued = structured(issueToken, ToolCalls.call(issueToken, ADMIN, Map.of("user_id", "user-alice")));
        String token = issued.get("token").toString();
        BearerTokenAuthenticator otherNode = Authenticators.over(messaging.queryGateway(), VALID_TOKEN_CACHE_TIME);
        assertThat(otherNode.authenticate(token)).contains(ALICE);

        ToolCalls.call(revokeToken, ADMIN, Map.of("token_id", issued.get("token_id")));

        assertThat(otherNode.authenticate(token)).isEmpty();
        assertThat(thisNode.authenticate(token)).isEmpty();
    }

    @Test
    void revokingAnUnknownTokenIsNotFound() {
        assertThat(errorText(ToolCalls.call(revokeToken, ADMIN, Map.of("token_id", "tok_missing"))))
                .isEqualTo("not_found: token 'tok_missing' not found");
    }
}
