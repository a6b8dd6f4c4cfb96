package dev.agentry.command.api;

public enum Role {
    USER, ADMIN
}
