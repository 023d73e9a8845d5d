package dev.hearth.actions;

import java.util.List;

/** A feature's list of actions; every CDI bean implementing it is collected by the catalog. */
public interface ActionProvider {
    List<Action> actions();
}
