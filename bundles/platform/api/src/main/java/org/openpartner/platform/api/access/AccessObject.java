package org.openpartner.platform.api.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the type that carries an object's records in REST answers. Wherever such a value is written as JSON (a
 * detail, a list item, nested in another answer), the platform drops the properties the caller's field
 * permissions hide, so no resource can forget to.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AccessObject {

    /** The {@link ObjectDefinition#name()} of the object. */
    String value();
}
