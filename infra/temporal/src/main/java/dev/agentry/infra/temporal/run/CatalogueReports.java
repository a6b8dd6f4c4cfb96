package dev.agentry.infra.temporal.run;

import dev.agentry.command.api.MessageMetadata;
import dev.agentry.command.api.RecordModelOfferingNotFound;
import dev.agentry.query.api.CatalogueModelView;
import dev.agentry.query.api.FindCatalogueModel;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/** What runs find out about the model catalogue, sent as {@code system:scheduler}. */
@Component
class CatalogueReports {

    private static final long TIMEOUT_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(CatalogueReports.class);

    private final CommandGateway commands;
    private final QueryGateway queries;

    CatalogueReports(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    boolean isKnown(String modelName) {
        return queries.query(new FindCatalogueModel(modelName), ResponseTypes.optionalInstanceOf(CatalogueModelView.class))
                .orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join().isPresent();
    }

    /** Thrown on failure, for Temporal to retry: a lost report would send the next runs to the same dead model. */
    void recordNotFound(RecordModelOfferingNotFound report) {
        commands.send(MessageMetadata.sentBy(report, SchedulerCommands.ACTOR, SchedulerCommands.ACTOR))
                .orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        log.warn("Model {}: {} answered its model id {} as not found; tier resolution passes it over from now on",
                report.name(), report.provider(), report.modelId());
    }
}
