package org.openpartner.interconnect.api.dto;

/** A freshly generated invitation code: {@code code} is shown here once and stored only as a hash. */
public record IssuedCode(String code, InvitationCode invitation) {
}
