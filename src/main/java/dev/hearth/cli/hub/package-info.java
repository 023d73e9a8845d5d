/** The hub's subcommands: rotate-key, detect-apis, sync-traefik, import homepage. */
@NullMarked
package dev.hearth.cli.hub;

import org.jspecify.annotations.NullMarked;
