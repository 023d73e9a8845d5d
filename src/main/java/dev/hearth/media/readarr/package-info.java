/** The {@code readarr} integration: books, author by author, through Readarr's API v1, on the shared *arr client. */
@NullMarked
package dev.hearth.media.readarr;

import org.jspecify.annotations.NullMarked;
