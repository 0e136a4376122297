package org.openpartner.platform.api.dto;

import java.time.Instant;

/** An enterprise on the platform; every enterprise is a tenant. */
public record Enterprise(String id, String name, String status, Instant createdAt) {
}
