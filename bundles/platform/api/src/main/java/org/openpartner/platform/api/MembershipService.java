package org.openpartner.platform.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.openpartner.platform.api.dto.ActingContext;
import org.openpartner.platform.api.dto.CompanyRegistration;
import org.openpartner.platform.api.dto.Enterprise;
import org.openpartner.platform.api.dto.ExternalUser;
import org.openpartner.platform.api.dto.Membership;
import org.openpartner.platform.api.dto.NewUser;
import org.openpartner.platform.api.dto.RegisteredCompany;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who may act for an upstream tenant as an external user (SPEC S1, S2). The interconnection capability owns
 * connections; the platform owns the identities and memberships that its login and tokens check, so that a
 * suspended connection is cut off at the token. Upstream calls need the tenant's admin or a channel manager.
 * Call inside {@link org.openpartner.platform.api.jpa.UnitOfWork#inUnit} to make them atomic with the caller's
 * own writes.
 */
@ProviderType
public interface MembershipService {

    /**
     * Upstream: registers an enterprise for a downstream company that has no account on the platform. Its name is
     * {@code name}, made unique with a number when another enterprise has it.
     */
    Enterprise registerEnterprise(CallContext ctx, String name);

    /**
     * Upstream: registers each company as {@link #registerEnterprise} does, makes its contacts users as
     * {@link #ensureExternalUsers} does, and makes them members of the acting tenant under the company's
     * connection with its external roles, as {@link #addMember} does: all companies in one transaction, with a
     * few set-based queries for the whole list rather than some per contact. What connecting one company and
     * bulk imports of thousands use. Fails as a whole on the first refusal.
     */
    List<RegisteredCompany> registerCompanies(CallContext ctx, List<CompanyRegistration> companies,
                                              boolean generatePasswords);

    /**
     * Upstream: the platform user whose identity is the mobile of {@code contact}, created as an employee of
     * {@code companyId} (an enterprise this upstream registered) when no user has that mobile yet. A reused
     * identity keeps its password and enterprise. A new user must change its password at first login.
     */
    ExternalUser ensureExternalUser(CallContext ctx, String companyId, NewUser contact);

    /**
     * {@link #ensureExternalUser} for several contacts of one company in one transaction, in their order. A new
     * user whose contact has no password gets a generated one when {@code generatePasswords} (returned once in
     * {@link ExternalUser#initialPassword()}), otherwise none: it signs in with a one-time code sent to its mobile
     * and may set a password through the code-based reset. That is what bulk imports use, since nobody would
     * hand out thousands of generated passwords (and hashing each costs tens of milliseconds).
     */
    List<ExternalUser> ensureExternalUsers(CallContext ctx, String companyId, List<NewUser> contacts,
                                           boolean generatePasswords);

    /**
     * Makes {@code userId} an external user of the tenant {@code tenantId} acting within {@code companyId}, under
     * {@code connectionId}, with the given external roles (added to those it has). Allowed to the upstream's
     * channel staff, and to the downstream company's admin for its own employees. Idempotent.
     */
    Membership addMember(CallContext ctx, String tenantId, String companyId, String connectionId, String userId,
                         Set<String> externalRoles);

    /** Takes a user's membership away (it stops being a connector contact); its tokens for the tenant are revoked. */
    void removeMember(CallContext ctx, String tenantId, String connectionId, String userId);

    /**
     * Upstream: sets the status of every membership of a connection. Suspending or ending revokes at once every
     * token those users hold for the tenant; resuming lets them log in again.
     */
    void setConnectionStatus(CallContext ctx, String connectionId, String status);

    /** The members of a connection; upstream channel staff of the tenant or the downstream company's admin. */
    List<Membership> listMembers(CallContext ctx, String tenantId, String connectionId);

    /**
     * How many members a connection has; for capability code that has already checked the caller may see the
     * connection.
     */
    long countMembers(String tenantId, String connectionId);

    /** The contexts the calling user can act in: its own enterprise and each upstream it is a member of. */
    List<ActingContext> contexts(CallContext ctx);

    /** Upstream: gives external roles to a member of the tenant (roles must be external roles of the tenant). */
    void assignExternalRoles(CallContext ctx, String userId, Set<String> roleKeys);

    /**
     * For capability code, which checks its caller's rights itself: the context {@code userId} acts with for the
     * tenant (an employee of it, or an active member), or empty when the user cannot act for it.
     */
    Optional<CallContext> contextOf(String tenantId, String userId);

    /**
     * Whether the company is a downstream company of the tenant: it has (or had) members acting for the tenant. Ids
     * of other enterprises, including other tenants' partners, are not, so configuration that names companies
     * (scopes, sharing rules) refuses them as it refuses ids that exist nowhere.
     *
     * @since 1.4
     */
    boolean isDownstreamCompany(String tenantId, String companyId);

    /**
     * For capability code that hands work to a company (pool distribution): the users who can act for the tenant as
     * members of the downstream company now (active user, active membership), by id; none for an unknown company.
     *
     * @since 1.6
     */
    List<String> activeMembers(String tenantId, String companyId);

    /**
     * For capability code that hands work to a role's holders: the users holding the role for the tenant who can act
     * for it now (active employees and active members), by id.
     *
     * @since 1.6
     */
    List<String> roleHolders(String tenantId, String roleKey);

    /**
     * For capability code that escalates to a downstream company's administrators: its users with the enterprise
     * administrator flag who can act for the tenant now (active user, active membership), by id.
     *
     * @since 1.7
     */
    List<String> companyAdmins(String tenantId, String companyId);

    /** Upstream: takes an external role from a member of the tenant (idempotent). */
    void revokeExternalRole(CallContext ctx, String userId, String roleKey);
}
