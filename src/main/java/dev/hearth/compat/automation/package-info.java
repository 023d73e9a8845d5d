/** The seed automation server's own API under /compat/automation: command, status, docker control, the download-complete webhook. */
@NullMarked
package dev.hearth.compat.automation;

import org.jspecify.annotations.NullMarked;
