/** Email notifier over SMTP (Jakarta Mail / Angus). */
@NullMarked
package dev.hearth.notify.email;

import org.jspecify.annotations.NullMarked;
