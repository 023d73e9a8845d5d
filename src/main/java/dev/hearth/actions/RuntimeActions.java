package dev.hearth.actions;

import java.util.List;

/**
 * Actions that come and go while Hearth runs (those of plugins): the catalog asks for them at each lookup, after
 * its own. An id that a built-in action already holds is never reached, so a source must refuse such ids itself.
 */
public interface RuntimeActions {
    List<Action> current();
}
