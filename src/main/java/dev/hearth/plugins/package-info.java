/**
 * Plugins: jars in {@code plugins/} loaded with ServiceLoader, one class loader each, against the published SPI
 * ({@code ActionProvider}, {@code NotifierKind}, {@code IntegrationKind}); listed, switched on and off at run time,
 * and cut off when they throw. docs/architecture.md, "Plugins".
 */
@NullMarked
package dev.hearth.plugins;

import org.jspecify.annotations.NullMarked;
