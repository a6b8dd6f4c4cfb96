package dev.agentry.command.catalog;

import dev.agentry.command.api.DisableModel;
import dev.agentry.command.api.EnableModel;
import dev.agentry.command.api.ModelDefinition;
import dev.agentry.command.api.ModelDisabled;
import dev.agentry.command.api.ModelEnabled;
import dev.agentry.command.api.ModelOffering;
import dev.agentry.command.api.ModelOfferingNotFound;
import dev.agentry.command.api.RecordModelOfferingNotFound;
import dev.agentry.command.api.ModelRedefined;
import dev.agentry.command.api.ModelRegistered;
import dev.agentry.command.api.RegisterModel;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One model of the catalogue, under its canonical name. Registered from the catalogue file at every
 * start, so registering changes something only when the definition did; models start enabled.
 * Enabling or disabling a model that was never registered is answered by Axon as not found.
 */
@Aggregate
class CatalogueModel {

    @AggregateIdentifier
    private String aggregateIdentifier;
    private String name;
    private ModelDefinition definition;
    private boolean enabled;
    /** Offerings their provider answered as unknown, as provider and model id. */
    private final Set<ModelOffering> notFound = new HashSet<>();

    CatalogueModel() {
        // for Axon, which rebuilds the model from its events, and creates it for a first RegisterModel
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterModel command) {
        CatalogueRules.check(command.name(), command.definition());
        if (definition == null) {
            apply(new ModelRegistered(command.name(), command.definition()));
        } else if (!definition.equals(command.definition())) {
            apply(new ModelRedefined(name, command.definition()));
        }
    }

    @CommandHandler
    void handle(EnableModel command) {
        if (!enabled) {
            apply(new ModelEnabled(name));
        }
    }

    @CommandHandler
    void handle(DisableModel command) {
        if (enabled) {
            apply(new ModelDisabled(name));
        }
    }

    @CommandHandler
    void handle(RecordModelOfferingNotFound command) {
        ModelOffering offering = new ModelOffering(command.provider(), command.modelId());
        if (definition.offerings().contains(offering) && !notFound.contains(offering)) {
            apply(new ModelOfferingNotFound(name, command.provider(), command.modelId(),
                    command.reason() == null ? "" : command.reason()));
        }
    }

    @EventSourcingHandler
    void on(ModelOfferingNotFound event) {
        notFound.add(new ModelOffering(event.provider(), event.modelId()));
    }

    @EventSourcingHandler
    void on(ModelRegistered event) {
        aggregateIdentifier = RegisterModel.aggregateIdentifierOf(event.name());
        name = event.name();
        definition = event.definition();
        enabled = true;
    }

    @EventSourcingHandler
    void on(ModelRedefined event) {
        definition = event.definition();
    }

    @EventSourcingHandler
    void on(ModelEnabled event) {
        enabled = true;
    }

    @EventSourcingHandler
    void on(ModelDisabled event) {
        enabled = false;
    }
}
