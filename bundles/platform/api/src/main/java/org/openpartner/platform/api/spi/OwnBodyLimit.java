package org.openpartner.platform.api.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST resource method (or class) that takes uploads larger than the platform's
 * {@code request.maxBodyBytes} and enforces its own, configurable limit while it reads the body (and on the
 * declared length before it does). Every other method keeps the platform limit.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OwnBodyLimit {
}
