package dev.agentry.infra.mcp.slack;

import dev.agentry.command.api.SlackLimits;
import dev.agentry.infra.mcp.JsonSchema;

/** limit and cursor of a Slack listing, schema built from {@link SlackLimits}. */
final class PageArguments {

    static JsonSchema.ObjectSchema properties() {
        return JsonSchema.object()
                .optional("limit", JsonSchema.integer(1, SlackLimits.PAGE_MAX_SIZE).nullable()
                        .description("at most this many per page; default " + SlackLimits.PAGE_DEFAULT_SIZE))
                .optional("cursor", JsonSchema.text(SlackLimits.CURSOR_MAX_LENGTH).nullable()
                        .description("next_cursor of the previous page"));
    }

    static int limitOr(Integer limit) {
        return limit == null ? SlackLimits.PAGE_DEFAULT_SIZE : limit;
    }

    private PageArguments() {
    }
}
