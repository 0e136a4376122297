package org.openpartner.pools.api.dto;

/** Who may claim from a pool: a downstream company's users, the holders of a role, or one user. */
public record PoolMember(Kind kind, String id) {

    public enum Kind {
        COMPANY,
        ROLE,
        USER
    }
}
