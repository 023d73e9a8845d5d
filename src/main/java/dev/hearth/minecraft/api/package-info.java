/** The Minecraft REST door, with the automation server's {@code POST /minecraft/create} shape. */
@NullMarked
package dev.hearth.minecraft.api;

import org.jspecify.annotations.NullMarked;
