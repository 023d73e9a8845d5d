package dev.hearth.platform.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a config value that the config API refuses to change: either it only matters at first start
 * (the admin key) or another API owns it (services are edited under {@code /api/v1/services}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface NotChangeableAtRunTime {
    String reason();
}
