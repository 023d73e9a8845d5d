/** The two Minecraft wire protocols Hearth speaks: Server List Ping (status) and Source RCON (commands). */
@NullMarked
package dev.hearth.minecraft.internal;

import org.jspecify.annotations.NullMarked;
