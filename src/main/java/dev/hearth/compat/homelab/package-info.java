/** The seed HomeLab Dashboard's API under /compat/homelab. */
@NullMarked
package dev.hearth.compat.homelab;

import org.jspecify.annotations.NullMarked;
