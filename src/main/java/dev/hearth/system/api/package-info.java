/** REST doors for the system feature and the platform (keys, auth, config, logs, status, actions, audit). */
@NullMarked
package dev.hearth.system.api;

import org.jspecify.annotations.NullMarked;
