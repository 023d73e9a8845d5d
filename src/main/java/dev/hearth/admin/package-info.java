/**
 * Remote administration: shell commands, a Python worker, confined files and asynchronous jobs on the home
 * server. Off unless hearth.yml turns it on; admin only; every change an audited action (docs/configuration.md,
 * "Remote administration").
 */
@NullMarked
package dev.hearth.admin;

import org.jspecify.annotations.NullMarked;
