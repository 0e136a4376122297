package org.openpartner.pools.api.dto;

/** How records leave a pool: members claim them, or only the pool's admins assign them. */
public enum PoolMode {
    CLAIMABLE,
    ADMIN_ASSIGN
}
