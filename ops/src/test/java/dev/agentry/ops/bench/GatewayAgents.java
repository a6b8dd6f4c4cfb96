package dev.agentry.ops.bench;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.MessageMetadata;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Schedule;
import dev.agentry.command.api.StartAgent;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.infra.postgres.readmodel.ReadModelFreshness;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many agents set up fast, with commands through the platform's command gateway (many in flight) rather than one
 * MCP call after another; they are owned by the bootstrap administrator, whose token the MCP sessions then hold.
 */
final class GatewayAgents {

    private static final int SENDERS = 16;

    private final RunningPlatform platform;
    private final String ownerId;
    private final String ownerName;

    private GatewayAgents(RunningPlatform platform, String ownerId, String ownerName) {
        this.platform = platform;
        this.ownerId = ownerId;
        this.ownerName = ownerName;
    }

    /** Agents of the bootstrap administrator, once the identity read model knows it. */
    static GatewayAgents ofAdministrator(RunningPlatform platform) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            List<Map<String, Object>> admins = platform.jdbc()
                    .sql("SELECT user_id, username FROM users WHERE role = 'ADMIN' ORDER BY created_at").query().listOfRows();
            if (!admins.isEmpty()) {
                return new GatewayAgents(platform, admins.get(0).get("user_id").toString(),
                        admins.get(0).get("username").toString());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no administrator in the identity read model after a minute");
    }

    /** Manual-only agents, STOPPED. */
    List<String> createManual(int count) throws Exception {
        return create(count, null, false);
    }

    /** Agents on the schedule, started. */
    List<String> createStarted(int count, Schedule schedule) throws Exception {
        return create(count, schedule, true);
    }

    private List<String> create(int count, Schedule schedule, boolean start) throws Exception {
        CommandGateway commands = platform.bean(CommandGateway.class);
        // the command bus handles a command on the sending thread: as many threads as commands in flight
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<String> agentIds = new ArrayList<>();
        List<Future<?>> sent = new ArrayList<>();
        for (int agent = 0; agent < count; agent++) {
            String agentId = UUID.randomUUID().toString();
            AgentSettings settings = new AgentSettings("bench agent " + agent, "Say that all is quiet.",
                    ReasoningTier.STANDARD, null, schedule, List.of(), OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null);
            sent.add(senders.submit(() -> {
                commands.sendAndWait(MessageMetadata.sentBy(new CreateAgent(agentId, ownerId, settings), ownerId, ownerName));
                if (start) {
                    commands.sendAndWait(MessageMetadata.sentBy(new StartAgent(agentId, ownerId), ownerId, ownerName));
                }
                return null;
            }));
            agentIds.add(agentId);
        }
        for (Future<?> command : sent) {
            command.get();
        }
        senders.shutdown();
        awaitReadModels();
        return agentIds;
    }

    /** Until the read models include every event stored so far; a backlog may outlast one wait's timeout. */
    void awaitReadModels() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            try {
                platform.bean(ReadModelFreshness.class).awaitEventsStoredSoFar();
                return;
            } catch (ReadModelFreshness.ReadModelLagException stillBehind) {
                if (Instant.now().isAfter(deadline)) {
                    throw stillBehind;
                }
            }
        }
    }
}
