/**
 * The integration hub wired into Hearth: the vault as the services' credential store, API detection cached in the
 * database, the proxy behind the services' REST door, and the actions that change any of it.
 */
@NullMarked
package dev.hearth.hub;

import org.jspecify.annotations.NullMarked;
