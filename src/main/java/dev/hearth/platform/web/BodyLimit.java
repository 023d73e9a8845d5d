package dev.hearth.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body a REST method reads, when it is smaller than the server's JSON limit (the
 * login form needs a few hundred bytes; anything more is an attack on memory). Enforced by the request
 * gate before the body is read, also for bodies sent without a Content-Length.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {
    /** Bytes. */
    int value();
}
