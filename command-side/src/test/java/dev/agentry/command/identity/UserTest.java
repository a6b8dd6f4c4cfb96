package dev.agentry.command.identity;

import dev.agentry.command.api.ApiTokenIssued;
import dev.agentry.command.api.ApiTokenRevoked;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.IssueApiToken;
import dev.agentry.command.api.RevokeApiToken;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.UserCreated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.agentry.command.RejectedCommand.rejected;
import static dev.agentry.command.api.RejectionCode.FAILED_PRECONDITION;
import static dev.agentry.command.api.RejectionCode.INVALID_ARGUMENT;
import static dev.agentry.command.api.RejectionCode.NOT_FOUND;

class UserTest {

    private static final String USER = "user-1";
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String OTHER_HASH = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";
    private static final String USERNAME_RULE = "may contain only lower-case letters, digits, '.', '_' and '-', "
            + "and must start with a letter or digit";

    private AggregateTestFixture<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
    }

    @Test
    void creatingAUserRecordsNameAndRole() {
        fixture.givenNoPriorActivity()
                .when(new CreateUser(USER, "ada.lovelace_1-x", Role.ADMIN))
                .expectEvents(new UserCreated(USER, "ada.lovelace_1-x", Role.ADMIN));
    }

    @Test
    void aUsernameOfSixtyFourCharactersIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(new CreateUser(USER, "a".repeat(64), Role.USER))
                .expectEvents(new UserCreated(USER, "a".repeat(64), Role.USER));
    }

    @Test
    void aUsernameLongerThanSixtyFourCharactersIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateUser(USER, "a".repeat(65), Role.USER))
                .expectNoEvents()
                .expectException(rejected(INVALID_ARGUMENT, "username must be at most 64 characters"));
    }

    @Test
    void anEmptyUsernameIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateUser(USER, "", Role.USER))
                .expectNoEvents()
                .expectException(rejected(INVALID_ARGUMENT, "username is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada", "ada lovelace", ".ada", "-ada", "_ada", "ada@example", "adä"})
    void aUsernameOutsideTheAllowedAlphabetIsRejected(String username) {
        fixture.givenNoPriorActivity()
                .when(new CreateUser(USER, username, Role.USER))
                .expectNoEvents()
                .expectException(rejected(INVALID_ARGUMENT, "username '" + username + "' " + USERNAME_RULE));
    }

    @Test
    void aUserWithoutARoleIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateUser(USER, "ada", null))
                .expectNoEvents()
                .expectException(rejected(INVALID_ARGUMENT, "role is required: USER or ADMIN"));
    }

    @Test
    void issuingATokenRecordsOnlyItsHash() {
        fixture.given(created())
                .when(new IssueApiToken(USER, "tok-1", HASH))
                .expectEvents(new ApiTokenIssued(USER, "tok-1", HASH));
    }

    @Test
    void aUserMayHoldSeveralTokens() {
        fixture.given(created(), new ApiTokenIssued(USER, "tok-1", HASH))
                .when(new IssueApiToken(USER, "tok-2", OTHER_HASH))
                .expectEvents(new ApiTokenIssued(USER, "tok-2", OTHER_HASH));
    }

    @Test
    void issuingATokenIdTwiceIsRefused() {
        fixture.given(created(), new ApiTokenIssued(USER, "tok-1", HASH))
                .when(new IssueApiToken(USER, "tok-1", OTHER_HASH))
                .expectNoEvents()
                .expectException(rejected(FAILED_PRECONDITION, "token 'tok-1' already exists"));
    }

    @Test
    void aRevokedTokenIdCannotBeIssuedAgain() {
        fixture.given(created(), new ApiTokenIssued(USER, "tok-1", HASH), new ApiTokenRevoked(USER, "tok-1"))
                .when(new IssueApiToken(USER, "tok-1", OTHER_HASH))
                .expectNoEvents()
                .expectException(rejected(FAILED_PRECONDITION, "token 'tok-1' already exists"));
    }

    @Test
    void aTokenWithoutAnIdIsRejected() {
        fixture.given(created())
                .when(new IssueApiToken(USER, " ", HASH))
                .expectNoEvents()
                .expectException(rejected(INVALID_ARGUMENT, "token_id is required"));
    }

    @Test
    void aTokenWithoutAHashIsRejected() {
        fixture.given(created())
                .when(new IssueApiToken(USER, "tok-1", null))
                .expectNoEvents()
                .expectException(rejected(INVALID_ARGUMENT, "token hash must be 64 lower-case hex characters (a SHA-256)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08a",
            "zf86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "the-secret-token-itself"})
    void aHashThatIsNotLowerCaseHexSha256IsRejected(String hash) {
        fixture.given(created())
                .when(new IssueApiToken(USER, "tok-1", hash))
                .expectNoEvents()
                .expectException(rejected(INVALID_ARGUMENT, "token hash must be 64 lower-case hex characters (a SHA-256)"));
    }

    @Test
    void revokingATokenRecordsIt() {
        fixture.given(created(), new ApiTokenIssued(USER, "tok-1", HASH))
                .when(new RevokeApiToken(USER, "tok-1"))
                .expectEvents(new ApiTokenRevoked(USER, "tok-1"));
    }

    @Test
    void revokingARevokedTokenChangesNothing() {
        fixture.given(created(), new ApiTokenIssued(USER, "tok-1", HASH), new ApiTokenRevoked(USER, "tok-1"))
                .when(new RevokeApiToken(USER, "tok-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void revokingATokenTheUserNeverHadIsNotFound() {
        fixture.given(created(), new ApiTokenIssued(USER, "tok-1", HASH))
                .when(new RevokeApiToken(USER, "tok-9"))
                .expectNoEvents()
                .expectException(rejected(NOT_FOUND, "token 'tok-9' not found"));
    }

    private static UserCreated created() {
        return new UserCreated(USER, "ada", Role.USER);
    }
}
