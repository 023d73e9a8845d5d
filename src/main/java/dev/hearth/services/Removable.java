package dev.hearth.services;

/** A runtime facet: what runs the service can be removed (a container; it is killed first if running). */
public interface Removable {
    void remove();
}
