/** Matrix notifier: a text event to one room through the client-server API, with an access token. */
@NullMarked
package dev.hearth.notify.matrix;

import org.jspecify.annotations.NullMarked;
