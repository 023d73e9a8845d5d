/** The seed Monsterr's service routes (Plex libraries and sessions, *arr status, queue and calendar, Overseerr requests) under /compat/monsterr. */
@NullMarked
package dev.hearth.compat.monsterr;

import org.jspecify.annotations.NullMarked;
