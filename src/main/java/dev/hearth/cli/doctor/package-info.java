/**
 * {@code hearth doctor}: checks what Hearth needs from the machine it runs on, before or while it runs, and
 * prints a fix for every problem. Each check is a small class; none changes anything.
 */
@NullMarked
package dev.hearth.cli.doctor;

import org.jspecify.annotations.NullMarked;
