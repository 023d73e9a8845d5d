/** The seed MLTB's REST API under /compat/mltb, with its camelCase names and string figures. */
@NullMarked
package dev.hearth.compat.mltb;

import org.jspecify.annotations.NullMarked;
