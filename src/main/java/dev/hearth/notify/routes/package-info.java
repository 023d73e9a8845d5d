/** Which other features' events become notifications, and how they read. */
@NullMarked
package dev.hearth.notify.routes;

import org.jspecify.annotations.NullMarked;
