/**
 * The plugin jars as the configuration sees them, before the application starts: one class loader per enabled jar,
 * so that the kinds a plugin brings can be named in hearth.yml. The plugins feature (dev.hearth.plugins) lists and
 * switches them, reusing these loaders.
 */
@NullMarked
package dev.hearth.platform.plugins;

import org.jspecify.annotations.NullMarked;
