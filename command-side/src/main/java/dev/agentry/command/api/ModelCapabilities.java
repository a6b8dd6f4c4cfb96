package dev.agentry.command.api;

/**
 * @param tools    the model can call tools
 * @param thinking the model can reason before answering (extended thinking or a reasoning effort)
 */
public record ModelCapabilities(boolean tools, boolean thinking) {
}
