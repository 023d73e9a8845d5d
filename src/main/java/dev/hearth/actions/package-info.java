/** The action catalog: every thing a user can do, declared once, role-checked and audited, whatever the door. */
@NullMarked
package dev.hearth.actions;

import org.jspecify.annotations.NullMarked;
