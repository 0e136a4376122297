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

    @AttributeDefinition(name = "The largest import file accepted, in bytes; larger uploads get 413 before parsing")
    long import_maxBytes() default 20L * 1024 * 1024;

    @AttributeDefinition(name = "The most data rows one import file may have")
    int import_maxRows() default 100_000;

    @AttributeDefinition(name = "Companies written per database transaction by an import job")
    int import_batchCompanies() default 50;

    @AttributeDefinition(name = "Batches of an import job written at once (each in its own transaction, committed in "
        + "file order); always 1 on Derby")
    int import_batchesInFlight() default 2;

    @AttributeDefinition(name = "Seconds without progress after which another node takes over an import job")
    int import_leaseSeconds() default 60;

}
