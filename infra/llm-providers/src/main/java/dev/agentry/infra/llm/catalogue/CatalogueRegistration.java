package dev.agentry.infra.llm.catalogue;

import org.apache.commons.lang3.exception.ExceptionUtils;
import dev.agentry.command.api.CommandRejectedException;
import dev.agentry.command.api.MessageMetadata;
import dev.agentry.command.api.RegisterModel;
import dev.agentry.infra.postgres.readmodel.ReadModelFreshness;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Registers every model of the catalogue file at each start. Registering an unchanged model appends
 * nothing, so only a new or changed file produces events. It runs once Axon has started and before
 * the web server accepts calls, so that {@code list_models} never answers from a half-registered catalogue.
 * A file the catalogue refuses stops the start, naming the file and the model.
 */
@Component
class CatalogueRegistration implements SmartLifecycle {

    static final String ACTOR = "system:catalogue";

    private static final Logger log = LoggerFactory.getLogger(CatalogueRegistration.class);
    /** Between Axon's start (phase Integer.MAX_VALUE - 3072) and the web server's (Integer.MAX_VALUE - 2048). */
    private static final int PHASE = Integer.MAX_VALUE - 2560;
    /** Another instance registering the same new model at the same moment makes one attempt fail. */
    private static final int ATTEMPTS = 3;

    private final CommandGateway commands;
    private final ReadModelFreshness freshness;
    private final CatalogueProperties properties;
    private volatile boolean running;

    CatalogueRegistration(CommandGateway commands, ReadModelFreshness freshness, CatalogueProperties properties) {
        this.commands = commands;
        this.freshness = freshness;
        this.properties = properties;
    }

    @Override
    public void start() {
        List<RegisterModel> models = CatalogueFile.read(properties);
        for (RegisterModel model : models) {
            register(model);
        }
        log.info("Model catalogue up to date with the {} models of {}", models.size(),
                properties.file() == null ? CatalogueFile.SHIPPED : properties.file());
        try {
            freshness.awaitEventsStoredSoFar();
        } catch (ReadModelFreshness.ReadModelLagException e) {
            // the read models may be replaying a long history; list_models catches up by itself
            log.warn("The model catalogue read model is still catching up: {}", e.getMessage());
        }
        running = true;
    }

    private void register(RegisterModel model) {
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(MessageMetadata.sentBy(model, ACTOR, ACTOR));
                return;
            } catch (RuntimeException failure) {
                CommandRejectedException rejected = ExceptionUtils.throwableOfType(failure, CommandRejectedException.class);
                if (rejected != null) {
                    throw new CatalogueFile.InvalidCatalogueException("the model catalogue refuses model '"
                            + model.name() + "' of " + (properties.file() == null ? "the shipped catalogue"
                            : properties.file()) + ": " + rejected.getMessage());
                }
                if (attempt == ATTEMPTS) {
                    throw failure;
                }
                log.debug("Registering model '{}' failed (attempt {}), retrying: {}", model.name(), attempt, failure.toString());
            }
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
