package org.openpartner.accounts.api.dto;

import java.time.Instant;

import org.openpartner.accounts.api.AccountService;
import org.openpartner.platform.api.access.AccessObject;

/**
 * A customer account as answers carry it; the platform drops the fields the caller's field permissions hide.
 * {@code registrationId} is the unified registration or tax id, unique per upstream; {@code poolId} is the account
 * pool the account waits in or was claimed from.
 */
@AccessObject(AccountService.OBJECT)
public record Account(String id, String name, String registrationId, String industry, String region, String address,
                      String recordType, String ownerUserId, String ownerCompanyId, String poolId, String createdBy,
                      Instant createdAt, Instant updatedAt, long version) {
}
