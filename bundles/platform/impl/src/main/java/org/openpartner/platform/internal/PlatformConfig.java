package org.openpartner.platform.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.openpartner.platform}; defaults mirror src/main/cfg/org.openpartner.platform.cfg. */
@ObjectClassDefinition(id = PlatformConfig.PID, name = "OpenPartner platform")
public @interface PlatformConfig {

    String PID = "org.openpartner.platform";

    @AttributeDefinition(name = "Platform admin login name")
    String admin_loginName() default "admin";

    @AttributeDefinition(name = "Platform admin initial password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String admin_initialPassword() default "";

    @AttributeDefinition(name = "Token lifetime in minutes")
    int token_ttlMinutes() default 480;

    @AttributeDefinition(name = "Failed logins in a row before throttling")
    int login_maxFailures() default 5;

    @AttributeDefinition(name = "Throttling time in seconds")
    int login_lockSeconds() default 900;

    @AttributeDefinition(name = "How long a one-time code is valid, in seconds")
    int code_validSeconds() default 300;

    @AttributeDefinition(name = "One-time codes a user may request per window")
    int code_maxPerWindow() default 3;

    @AttributeDefinition(name = "The one-time code request window, in seconds")
    int code_windowSeconds() default 600;

    @AttributeDefinition(name = "Largest request body in bytes")
    long request_maxBodyBytes() default 1_048_576;

    @AttributeDefinition(name = "Default region for mobile numbers")
    String phone_defaultRegion() default "US";

    @AttributeDefinition(name = "Outbox relay period in milliseconds")
    long events_relayPeriodMs() default 250;

    @AttributeDefinition(name = "Camel endpoint the outbox relay sends events to")
    String events_endpoint() default "direct:openpartner-events";
}
