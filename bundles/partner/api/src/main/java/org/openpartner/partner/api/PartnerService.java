package org.openpartner.partner.api;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.openpartner.partner.api.dto.ContactInput;
import org.openpartner.partner.api.dto.NewPartner;
import org.openpartner.partner.api.dto.Partner;
import org.openpartner.partner.api.dto.PartnerContact;
import org.openpartner.partner.api.dto.PartnerFilter;
import org.openpartner.partner.api.dto.PartnerInput;
import org.openpartner.partner.api.dto.PartnerProfile;
import org.openpartner.partner.api.dto.PartnerSetup;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Partners and partner contacts of the acting tenant, for the tenant's administrators and channel managers; a
 * partner of another tenant is "not found". External users may {@link #list}, {@link #count} and {@link #get}
 * the partners the access model gives them (the Partner object exposed to downstream: a connected partner is
 * owned within its own company), with their roles' field permissions. Validation failures are
 * {@link org.openpartner.platform.api.ApiException}s naming the field.
 */
@ProviderType
public interface PartnerService {

    /** The access model's name of partners ({@link org.openpartner.platform.api.access.ObjectDefinition}). */
    String OBJECT = "partner";

    /**
     * The access model's name of contacts: partner contacts are contacts of record type
     * {@code partner-contact}, which enabling Partner creates.
     */
    String CONTACT_OBJECT = "contact";

    /** Sort keys accepted by {@link #list}: prefix with {@code -} for descending order. */
    List<String> SORTS = List.of("name", "createdAt", "updatedAt");

    /**
     * Enables Partner for the acting tenant (tenant admin only), idempotently: the Channel Manager role, the
     * Partner Contact record type and the default external role Dealer Personnel.
     */
    PartnerSetup enable(CallContext ctx);

    PartnerSetup setup(CallContext ctx);

    Partner create(CallContext ctx, PartnerInput input);

    /**
     * Creates partners with their contacts in one transaction, checking names and mobiles with a few set-based
     * queries for the whole list: what bulk imports use. A partner given a connected enterprise is connected from
     * the start (its {@code partner.connected} event follows its {@code partner.created}). Fails as a whole on the
     * first refusal, which names the partner's or contact's field as {@link #create} and {@link #addContact} do.
     *
     * @return the partners created, in order
     */
    List<Partner> createAll(CallContext ctx, List<NewPartner> partners);

    Partner get(CallContext ctx, String partnerId);

    /** Replaces the partner's fields; a non-null {@code input.version()} must match the stored one (else 409). */
    Partner update(CallContext ctx, String partnerId, PartnerInput input);

    /**
     * Deletes the partner and its contacts.
     *
     * @throws org.openpartner.platform.api.ApiException 409 {@code connected} while it is connected, 409
     *         {@code has_child_partners} while partners have it as their parent
     */
    void delete(CallContext ctx, String partnerId);

    Page<Partner> list(CallContext ctx, PartnerFilter filter, PageRequest page);

    long count(CallContext ctx, PartnerFilter filter);

    PartnerContact addContact(CallContext ctx, String partnerId, ContactInput input);

    List<PartnerContact> listContacts(CallContext ctx, String partnerId);

    PartnerContact getContact(CallContext ctx, String partnerId, String contactId);

    PartnerContact updateContact(CallContext ctx, String partnerId, String contactId, ContactInput input);

    void deleteContact(CallContext ctx, String partnerId, String contactId);

    /**
     * Records that the partner is now interconnected with {@code enterpriseId}. Atomic: of two concurrent calls
     * for one partner only one succeeds.
     *
     * @throws org.openpartner.platform.api.ApiException 409 {@code already_connected} when it is connected
     */
    Partner markConnected(CallContext ctx, String partnerId, String enterpriseId);

    /** Clears the partner's connected enterprise when its connection ends; idempotent. */
    Partner markDisconnected(CallContext ctx, String partnerId);

    /**
     * Stores the partner's parent (null: none) for the hierarchy capability, which checks cycles and depth and keeps
     * its own links in the same unit of work: change a parent through the hierarchy service, not here. Channel
     * staff only; both partners must be the tenant's.
     */
    Partner recordParent(CallContext ctx, String partnerId, String parentPartnerId);

    /**
     * The partners with these ids that the caller may read ({@link #get}'s rules), in one query per few hundred
     * ids; unknown and unreachable ids are left out. The order is unspecified.
     */
    List<Partner> getAll(CallContext ctx, Collection<String> partnerIds);

    /** The tenant's partner with this name (ignoring case and spaces), if any. */
    Optional<Partner> findByName(CallContext ctx, String name);

    /** The tenant's partners with any of these names (ignoring case and spaces), in one query. */
    List<Partner> findByNames(CallContext ctx, Collection<String> names);

    /**
     * Channel staff (and the console): the tenant's partners connected to these downstream companies (by {@link
     * Partner#connectedEnterpriseId()}), in one query per few hundred ids; companies with no partner are left out.
     *
     * @since 1.5
     */
    List<Partner> findByCompanies(CallContext ctx, Collection<String> companyIds);

    /**
     * For an external user: the partner record the upstream keeps of the caller's own company (the partner whose
     * connected enterprise is {@link CallContext#companyId()}), with its contacts when the caller's roles may view
     * partner contacts (else none).
     *
     * @throws org.openpartner.platform.api.ApiException 403 when the caller's roles may not view partners
     */
    PartnerProfile companyProfile(CallContext ctx);
}
