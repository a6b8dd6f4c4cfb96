package dev.agentry.command.api;

/** Why a command was refused; maps one to one onto the public error codes. */
public enum RejectionCode {
    INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION
}
