package dev.hearth.services.docker;

/**
 * One sample of a container's resource use, computed the way {@code docker stats} shows it.
 *
 * @param cpuPercent    share of one CPU × 100, so 4 busy CPUs read 400
 * @param memoryUsed    bytes, without the page cache the kernel can drop (inactive file pages)
 * @param memoryLimit   bytes: the container's limit, or the host's memory when unlimited
 * @param memoryPercent memoryUsed / memoryLimit × 100
 */
public record ContainerStats(
        double cpuPercent,
        long memoryUsed,
        long memoryLimit,
        double memoryPercent,
        long netRx,
        long netTx,
        long blockRead,
        long blockWrite,
        long pids) {}
