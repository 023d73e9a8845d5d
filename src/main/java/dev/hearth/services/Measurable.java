package dev.hearth.services;

/** A runtime facet: its CPU, memory, network and block I/O can be sampled. */
public interface Measurable {
    /** The figures now (may take about a second for a container). */
    ResourceUsage stats();
}
