package org.openpartner.accounts.api;

import java.util.List;

import org.openpartner.accounts.api.dto.Account;
import org.openpartner.accounts.api.dto.AccountContact;
import org.openpartner.accounts.api.dto.AccountContactInput;
import org.openpartner.accounts.api.dto.AccountInput;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Customer accounts of a tenant under the access model (SPEC S4, S7): every read is filtered by the caller's reach,
 * an account out of reach is "not found", writes need write reach and the object's permissions, hidden fields never
 * leave. External users reach accounts through the SharePartner app. Partner teams and related teams are the access
 * model's ({@code /records/account/{id}/partners}, {@code .../team}); account pools are the pool engine's.
 */
@ProviderType
public interface AccountService {

    /** The object name accounts register with the access model. */
    String OBJECT = "account";

    /**
     * Creates an account owned by the caller (and its company).
     *
     * @throws org.openpartner.platform.api.ApiException 409 {@code duplicate_registration_id} when the upstream has an
     *         account with the same registration id (the message names it only if the caller may read it)
     */
    Account create(CallContext ctx, AccountInput input);

    Account get(CallContext ctx, String accountId);

    /** The accounts the caller may read, newest first; {@code poolId} narrows them to one account pool. */
    Page<Account> list(CallContext ctx, String poolId, PageRequest page);

    /** Changes the fields the input sets (null: unchanged); an empty string clears an optional field. */
    Account update(CallContext ctx, String accountId, AccountInput input);

    /** Deletes the account, its contacts and its grants. */
    void delete(CallContext ctx, String accountId);

    /** Adds a contact; needs write access to the account. */
    AccountContact addContact(CallContext ctx, String accountId, AccountContactInput input);

    /** The account's contacts, oldest first. */
    List<AccountContact> contacts(CallContext ctx, String accountId);
}
