/** Services: the things on the home server, their integrations and health. */
@NullMarked
package dev.hearth.services;

import org.jspecify.annotations.NullMarked;
