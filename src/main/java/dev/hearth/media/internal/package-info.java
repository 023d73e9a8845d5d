/** The media feature's storage and its link of the completion pipeline; nothing outside media uses them. */
@NullMarked
package dev.hearth.media.internal;

import org.jspecify.annotations.NullMarked;
