package dev.hearth.admin;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A package install: pip's output and error output, its exit code, and whether it was cut off. */
public record InstallResult(
        @JsonProperty("package") String packageName,
        boolean success,
        String output,
        String error,
        int code,
        boolean truncated,
        boolean timedOut,
        long durationMs) {}
