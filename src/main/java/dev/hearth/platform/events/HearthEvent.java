package dev.hearth.platform.events;

/** A fact one feature tells the others, as a record. It is stored as JSON until every listener has it. */
public interface HearthEvent {}
