package org.georisk.gateway.security;

import org.georisk.contracts.Role;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The role a resource (class or method) requires. Read by {@link ApiKeyFilter}; a /api/v1 resource without it
 * is refused (fail closed).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Access {

    Role value();

    /**
     * Whether the key may also come as {@code ?apiKey=}: only for the live-push endpoints, because browsers
     * cannot set headers on EventSource and WebSocket. Everywhere else a key in a URL would end up in logs.
     */
    boolean queryKey() default false;
}
