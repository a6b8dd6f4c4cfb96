package dev.agentry.command;

import dev.agentry.command.api.CommandRejectedException;
import dev.agentry.command.api.RejectionCode;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches the rejection a command handler threw, by code and exact message. */
public final class RejectedCommand extends TypeSafeMatcher<CommandRejectedException> {

    private final RejectionCode code;
    private final Matcher<String> message;

    private RejectedCommand(RejectionCode code, Matcher<String> message) {
        this.code = code;
        this.message = message;
    }

    public static Matcher<CommandRejectedException> rejected(RejectionCode code, String message) {
        return new RejectedCommand(code, org.hamcrest.Matchers.equalTo(message));
    }

    public static Matcher<CommandRejectedException> rejected(RejectionCode code, Matcher<String> message) {
        return new RejectedCommand(code, message);
    }

    @Override
    protected boolean matchesSafely(CommandRejectedException exception) {
        return exception.code() == code && message.matches(exception.getMessage());
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("rejected with ").appendValue(code).appendText(" and message ")
                .appendDescriptionOf(message);
    }

    @Override
    protected void describeMismatchSafely(CommandRejectedException exception, Description description) {
        description.appendText("was rejected with ").appendValue(exception.code())
                .appendText(" and message ").appendValue(exception.getMessage());
    }
}
