package dev.hearth.services;

/**
 * One sample of a service's resource use. Memory is counted as {@code docker stats} counts it: without
 * the page cache the kernel can drop; for a process, the resident set of it and its children.
 *
 * @param cpuPercent share of one CPU × 100 (two busy cores read 200)
 */
public record ResourceUsage(
        double cpuPercent,
        long memoryUsed,
        long memoryLimit,
        double memoryPercent,
        long netRx,
        long netTx,
        long blockRead,
        long blockWrite) {}
