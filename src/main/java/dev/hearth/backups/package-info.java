/**
 * Backups of Hearth's own state (database, configuration, data-dir files) and of chosen paths and Docker
 * volumes: one tar.gz per backup, optionally encrypted, listed in the database, scheduled by cron with
 * retention, copied to an rclone remote, verified, and restored through a journaled swap at start.
 */
@NullMarked
package dev.hearth.backups;

import org.jspecify.annotations.NullMarked;
