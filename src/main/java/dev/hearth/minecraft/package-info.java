/**
 * Minecraft servers as containers of the itzg/minecraft-server image (one named volume per world), with players
 * and version read by Server List Ping and operator commands sent by RCON.
 */
@NullMarked
package dev.hearth.minecraft;

import org.jspecify.annotations.NullMarked;
