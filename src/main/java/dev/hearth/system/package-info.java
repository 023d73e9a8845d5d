/** System: Hearth's own status, configuration, keys and log, and the actions that change them. */
@NullMarked
package dev.hearth.system;

import org.jspecify.annotations.NullMarked;
