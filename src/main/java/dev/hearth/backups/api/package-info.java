/** The backups REST door: list, create, download, verify, delete, restore. */
@NullMarked
package dev.hearth.backups.api;

import org.jspecify.annotations.NullMarked;
