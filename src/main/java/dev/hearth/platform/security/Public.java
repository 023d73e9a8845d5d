package dev.hearth.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A REST method (or every method of a class) answered without credentials: liveness, the login page and
 * route, a webhook that checks a secret of its own. The request gate reads it from the resources
 * themselves, so no list of paths elsewhere can drift from them. {@code rateLimited = false} only for
 * what monitors poll (liveness).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Public {
    boolean rateLimited() default true;
}
