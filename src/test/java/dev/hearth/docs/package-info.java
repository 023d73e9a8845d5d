/** Documentation generated from the code, and the tests that keep it equal to it. */
@NullMarked
package dev.hearth.docs;

import org.jspecify.annotations.NullMarked;
