package dev.hearth.monitoring;

/** A supervised process measured from {@code /proc/<pid>}: CPU in percent of one core, resident memory in bytes. */
public record ProcessUsage(String service, long pid, double cpuPercent, long memoryBytes) {}
