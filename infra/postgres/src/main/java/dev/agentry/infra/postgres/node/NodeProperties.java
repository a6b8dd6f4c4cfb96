package dev.agentry.infra.postgres.node;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code agentry.node.*}.
 *
 * @param role              {@code all}, {@code api} or {@code worker}
 * @param heartbeatInterval how often the node records that it is alive in the node table
 */
@ConfigurationProperties("agentry.node")
public record NodeProperties(@DefaultValue("all") NodeRole role, @DefaultValue("10s") Duration heartbeatInterval) {

    /** For {@code @ConditionalOnExpression}: true unless the node's role is the one named. */
    public static final String NOT_API = "'${agentry.node.role:all}'.toLowerCase() != 'api'";
    public static final String NOT_WORKER = "'${agentry.node.role:all}'.toLowerCase() != 'worker'";
}
