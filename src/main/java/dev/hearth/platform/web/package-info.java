/** HTTP conventions shared by every door: the error shape, request ids, rate limits, pagination. */
@NullMarked
package dev.hearth.platform.web;

import org.jspecify.annotations.NullMarked;
