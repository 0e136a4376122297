package org.openpartner.accounts.api.dto;

import java.time.Instant;

/** A person at a customer account; whoever may read the account reads its contacts. */
public record AccountContact(String id, String accountId, String name, String title, String mobile, String email,
                             String createdBy, Instant createdAt) {
}
