package org.openpartner.interconnect.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.openpartner.interconnect}; defaults mirror src/main/cfg/org.openpartner.interconnect.cfg. */
@ObjectClassDefinition(id = InterconnectConfig.PID, name = "OpenPartner interconnection")
public @interface InterconnectConfig {

    String PID = "org.openpartner.interconnect";

    @AttributeDefinition(name = "Wrong invitation codes an enterprise may enter per window before it is throttled")
    int invitation_maxFailures() default 10;

    @AttributeDefinition(name = "The invitation code throttling window, in seconds")
    int invitation_windowSeconds() default 900;

}
