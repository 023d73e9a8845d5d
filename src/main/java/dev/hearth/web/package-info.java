/** The browser door: the login page and the dashboard, served by Hearth itself. */
@NullMarked
package dev.hearth.web;

import org.jspecify.annotations.NullMarked;
