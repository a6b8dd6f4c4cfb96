package dev.agentry.command.api;

/**
 * The provider answered the model's offering (its model id there) as unknown or retired: tier resolution
 * no longer chooses that offering, until a catalogue change gives the provider another model id.
 */
public record ModelOfferingNotFound(String name, String provider, String modelId, String reason) {
}
