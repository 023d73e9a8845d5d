/** The backup format (archive, encryption), database snapshots, the restore journal, retention and rclone. */
@NullMarked
package dev.hearth.backups.internal;

import org.jspecify.annotations.NullMarked;
