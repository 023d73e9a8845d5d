/** Services' REST doors: thin, every mutation through the action catalog. */
@org.jspecify.annotations.NullMarked
package dev.hearth.services.api;
