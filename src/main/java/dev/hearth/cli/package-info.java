/**
 * The {@code hearth} command line: {@code --version}, {@code --help} and the subcommands ({@code hearth doctor}, ...).
 * A door like the REST resources, run before Quarkus starts and without it: a subcommand must work when Hearth
 * does not (that is when one runs {@code hearth doctor}), and must never open the database or a port.
 */
@NullMarked
package dev.hearth.cli;

import org.jspecify.annotations.NullMarked;
