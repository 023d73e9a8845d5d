/** The REST door of remote administration under /api/v1/admin, and the gate that hides it when it is off. */
@NullMarked
package dev.hearth.admin.api;

import org.jspecify.annotations.NullMarked;
