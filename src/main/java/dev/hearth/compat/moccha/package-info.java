/** The seed Moccha's API under /compat/moccha: services, the Deluge routes (any download client), system status and remote administration. */
@NullMarked
package dev.hearth.compat.moccha;

import org.jspecify.annotations.NullMarked;
