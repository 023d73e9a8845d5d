/** Hearth's entry point: the command line, or the configuration checked before Quarkus starts. */
@NullMarked
package dev.hearth;

import org.jspecify.annotations.NullMarked;
