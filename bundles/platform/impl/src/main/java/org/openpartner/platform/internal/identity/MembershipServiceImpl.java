package org.openpartner.platform.internal.identity;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.MembershipService;
import org.openpartner.platform.api.Names;
import org.openpartner.platform.api.dto.ActingContext;
import org.openpartner.platform.api.dto.CompanyRegistration;
import org.openpartner.platform.api.dto.Enterprise;
import org.openpartner.platform.api.dto.ExternalUser;
import org.openpartner.platform.api.dto.Membership;
import org.openpartner.platform.api.dto.NewUser;
import org.openpartner.platform.api.dto.RegisteredCompany;
import org.openpartner.platform.api.dto.RoleKind;
import org.openpartner.platform.api.jpa.InLists;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.internal.jpa.EnterpriseEntity;
import org.openpartner.platform.internal.jpa.MembershipEntity;
import org.openpartner.platform.internal.jpa.RoleEntity;
import org.openpartner.platform.internal.jpa.UserEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = MembershipService.class)
public class MembershipServiceImpl implements MembershipService {

    /** Letters and digits that cannot be mistaken for each other when read out. */
    private static final char[] PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final Transactions tx;
    private final IdentityServiceImpl identities;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public MembershipServiceImpl(@Reference(target = "(osgi.unit.name=openpartner-platform)") EntityManagerFactory emf,
                                 @Reference IdentityServiceImpl identities) {
        this.tx = new Transactions(emf);
        this.identities = identities;
    }

    @Override
    public Enterprise registerEnterprise(CallContext ctx, String name) {
        requireChannelStaff(ctx);
        String clean = Names.require(name, "name", 180);
        return tx.inTransaction(em -> {
            String candidate = clean;
            for (int n = 2; IdentityStore.enterpriseNameTaken(em, candidate); n++) {
                candidate = clean + " (" + n + ")";
            }
            EnterpriseEntity enterprise = identities.newEnterprise(em, candidate, false);
            enterprise.setRegisteredBy(ctx.tenantId());
            return IdentityStore.toDto(enterprise);
        });
    }

    @Override
    public List<RegisteredCompany> registerCompanies(CallContext ctx, List<CompanyRegistration> companies,
                                                     boolean generatePasswords) {
        requireChannelStaff(ctx);
        if (companies == null || companies.isEmpty()) {
            return List.of();
        }
        // Everything that needs no database is checked before the transaction starts.
        List<String> names = new ArrayList<>();
        List<List<ValidContact>> users = new ArrayList<>();
        Set<String> roleKeys = new TreeSet<>();
        for (CompanyRegistration company : companies) {
            names.add(Names.require(company.name(), "name", 180));
            if (company.contacts() == null || company.contacts().isEmpty()) {
                throw ApiException.badRequest("required", "a company needs at least one connector contact", "contacts");
            }
            users.add(validContacts(company.contacts(), generatePasswords));
            if (company.externalRoles() != null) {
                roleKeys.addAll(company.externalRoles());
            }
        }
        return tx.inTransaction(em -> {
            requireExternalRoles(em, ctx.tenantId(), roleKeys);
            Map<String, UserEntity> byMobile = usersByMobile(em, users.stream().flatMap(List::stream).toList());
            // Identities that exist already may be members of this tenant or hold its roles: fetched once.
            List<String> existingIds = byMobile.values().stream().map(UserEntity::getId).toList();
            Map<String, MembershipEntity> memberships = new HashMap<>();
            for (MembershipEntity m : InLists.query(existingIds, chunk -> em.createQuery(
                    "select m from MembershipEntity m where m.tenantId = :t and m.userId in :u", MembershipEntity.class)
                .setParameter("t", ctx.tenantId()).setParameter("u", chunk).getResultList())) {
                memberships.put(m.getUserId(), m);
            }
            Set<String> heldRoles = new HashSet<>();
            for (Object[] held : InLists.query(existingIds, chunk -> em.createQuery(
                    "select r.userId, r.roleKey from UserRoleEntity r where r.tenantId = :t and r.userId in :u", Object[].class)
                .setParameter("t", ctx.tenantId()).setParameter("u", chunk).getResultList())) {
                heldRoles.add(held[0] + "/" + held[1]);
            }
            Set<String> takenNames = new HashSet<>(InLists.query(names.stream().map(Names::key).distinct().toList(),
                chunk -> em.createQuery("select e.nameKey from EnterpriseEntity e where e.nameKey in :k", String.class)
                    .setParameter("k", chunk).getResultList()));
            Map<String, String> passwordHashes = new HashMap<>();
            Instant now = Instant.now();
            // Each kind of row is persisted in its own pass: the flush then writes one JDBC batch per table.
            List<EnterpriseEntity> enterprises = new ArrayList<>();
            for (int c = 0; c < companies.size(); c++) {
                String name = names.get(c);
                for (int n = 2; takenNames.contains(Names.key(name)) || (n > 2 && IdentityStore.enterpriseNameTaken(em, name)); n++) {
                    name = names.get(c) + " (" + n + ")";
                }
                takenNames.add(Names.key(name));
                EnterpriseEntity enterprise = identities.insertEnterprise(em, name, false);
                enterprise.setRegisteredBy(ctx.tenantId());
                enterprises.add(enterprise);
            }
            List<List<ExternalUser>> registered = new ArrayList<>();
            List<List<UserEntity>> members = new ArrayList<>();
            for (int c = 0; c < companies.size(); c++) {
                List<ExternalUser> outcome = new ArrayList<>();
                List<UserEntity> entities = new ArrayList<>();
                for (int i = 0; i < users.get(c).size(); i++) {
                    ValidContact contact = users.get(c).get(i);
                    IdentityServiceImpl.ValidUser v = contact.user();
                    UserEntity user = byMobile.get(v.mobile());
                    if (user == null) {
                        String hash = v.password() == null ? identities.hashOrNone(null)
                            : passwordHashes.computeIfAbsent(v.password(), identities::hashOrNone);
                        user = insertExternalUser(em, enterprises.get(c).getId(), contact,
                            Boolean.TRUE.equals(companies.get(c).contacts().get(i).tenantAdmin()), hash);
                        byMobile.put(v.mobile(), user);
                        outcome.add(created(user, contact));
                    } else {
                        outcome.add(new ExternalUser(IdentityStore.toDto(em, user), false, null));
                    }
                    entities.add(user);
                }
                registered.add(outcome);
                members.add(entities);
            }
            for (int c = 0; c < companies.size(); c++) {
                for (UserEntity user : members.get(c)) {
                    memberships.put(user.getId(), join(em, ctx.tenantId(), enterprises.get(c).getId(),
                        companies.get(c).connectionId(), user, memberships.get(user.getId()), now, "mobile"));
                }
            }
            for (int c = 0; c < companies.size(); c++) {
                Set<String> roles = companies.get(c).externalRoles() == null ? Set.of() : companies.get(c).externalRoles();
                for (UserEntity user : members.get(c)) {
                    for (String role : roles) {
                        if (heldRoles.add(user.getId() + "/" + role)) {
                            IdentityStore.insertRole(em, ctx.tenantId(), user.getId(), role);
                        }
                    }
                }
            }
            List<RegisteredCompany> result = new ArrayList<>();
            for (int c = 0; c < companies.size(); c++) {
                result.add(new RegisteredCompany(IdentityStore.toDto(enterprises.get(c)), registered.get(c)));
            }
            return result;
        });
    }

    /**
     * Makes {@code user} an active member of the tenant under the connection, reusing {@code existing} (its
     * membership of the tenant, or null); {@code field} names the input in a refusal.
     */
    private static MembershipEntity join(EntityManager em, String tenantId, String companyId, String connectionId,
                                         UserEntity user, MembershipEntity existing, Instant now, String field) {
        if (tenantId.equals(user.getEnterpriseId())) {
            throw ApiException.unprocessable("own_employee", "an employee of the upstream cannot be its external user", field);
        }
        MembershipEntity membership = existing;
        if (membership == null) {
            membership = new MembershipEntity();
            membership.setId(Ids.newId());
            membership.setUserId(user.getId());
            membership.setTenantId(tenantId);
            membership.setCreatedAt(now);
            em.persist(membership);
        } else if (!membership.getConnectionId().equals(connectionId) && Membership.ACTIVE.equals(membership.getStatus())) {
            throw ApiException.conflict("already_member",
                "this user already acts for the upstream through another company", field);
        }
        membership.setCompanyId(companyId);
        membership.setConnectionId(connectionId);
        membership.setStatus(Membership.ACTIVE);
        membership.setUpdatedAt(now);
        return membership;
    }

    private static void requireExternalRoles(EntityManager em, String tenantId, Set<String> roleKeys) {
        if (roleKeys.isEmpty()) {
            return;
        }
        Map<String, String> kinds = new HashMap<>();
        for (RoleEntity role : em.createQuery("select r from RoleEntity r where r.tenantId = :t and r.key in :k", RoleEntity.class)
            .setParameter("t", tenantId).setParameter("k", List.copyOf(roleKeys)).getResultList()) {
            kinds.put(role.getKey(), role.getKind());
        }
        for (String key : roleKeys) {
            requireExternalKind(key, kinds.get(key));
        }
    }

    /** Refuses a role key the tenant does not have ({@code kind} null) or that is not external. */
    private static void requireExternalKind(String roleKey, String kind) {
        if (kind == null) {
            throw ApiException.unprocessable("unknown_role", "no external role '" + roleKey + "'", "roles");
        }
        if (!RoleKind.EXTERNAL.name().equals(kind)) {
            throw ApiException.unprocessable("internal_role", "'" + roleKey + "' is an internal role", "roles");
        }
    }

    /** A connector contact checked as a user identity; {@code generated}: its password was made here. */
    private record ValidContact(IdentityServiceImpl.ValidUser user, boolean generated) {
    }

    /** Checks contacts as user identities; one without a password gets a generated one when asked. */
    private List<ValidContact> validContacts(List<NewUser> contacts, boolean generatePasswords) {
        List<ValidContact> valid = new ArrayList<>();
        for (NewUser contact : contacts) {
            if (contact == null || contact.mobile() == null || contact.mobile().isBlank()) {
                throw ApiException.badRequest("required", "a connector contact needs a mobile", "mobile");
            }
            boolean none = contact.password() == null || contact.password().isEmpty();
            String password = none ? (generatePasswords ? newPassword() : null) : contact.password();
            valid.add(new ValidContact(identities.validate(new NewUser(null, contact.mobile(), contact.name(),
                contact.email(), password, false), "", password != null), none && generatePasswords));
        }
        return valid;
    }

    @Override
    public ExternalUser ensureExternalUser(CallContext ctx, String companyId, NewUser contact) {
        return ensureExternalUsers(ctx, companyId, java.util.Collections.singletonList(contact), true).get(0);
    }

    @Override
    public List<ExternalUser> ensureExternalUsers(CallContext ctx, String companyId, List<NewUser> contacts,
                                                  boolean generatePasswords) {
        requireChannelStaff(ctx);
        List<ValidContact> valid = validContacts(contacts, generatePasswords);
        return tx.inTransaction(em -> {
            Map<String, UserEntity> byMobile = usersByMobile(em, valid);
            boolean companyChecked = false;
            List<ExternalUser> users = new ArrayList<>();
            for (int i = 0; i < valid.size(); i++) {
                IdentityServiceImpl.ValidUser v = valid.get(i).user();
                UserEntity existing = byMobile.get(v.mobile());
                if (existing != null) {
                    users.add(new ExternalUser(IdentityStore.toDto(em, existing), false, null));
                    continue;
                }
                if (!companyChecked) {
                    EnterpriseEntity company = em.find(EnterpriseEntity.class, companyId);
                    if (company == null || !ctx.tenantId().equals(company.getRegisteredBy())) {
                        throw ApiException.notFound("Company");
                    }
                    companyChecked = true;
                }
                UserEntity user = insertExternalUser(em, companyId, valid.get(i),
                    Boolean.TRUE.equals(contacts.get(i).tenantAdmin()), identities.hashOrNone(v.password()));
                byMobile.put(v.mobile(), user);
                users.add(created(user, valid.get(i)));
            }
            return users;
        });
    }

    /** The platform users that already have the contacts' mobiles, by mobile (one padded query per chunk). */
    private static Map<String, UserEntity> usersByMobile(EntityManager em, List<ValidContact> contacts) {
        Map<String, UserEntity> byMobile = new HashMap<>();
        for (UserEntity u : InLists.query(contacts.stream().map(c -> c.user().mobile()).distinct().toList(),
                chunk -> em.createQuery("select u from UserEntity u where u.mobile in :m", UserEntity.class)
                    .setParameter("m", chunk).getResultList())) {
            byMobile.put(u.getMobile(), u);
        }
        return byMobile;
    }

    /** A new user of the downstream company for a contact whose mobile no platform user has. */
    private UserEntity insertExternalUser(EntityManager em, String companyId, ValidContact contact, boolean tenantAdmin,
                                          String passwordHash) {
        UserEntity user = identities.insertUser(em, companyId, contact.user(), tenantAdmin, false, passwordHash);
        // A passwordless user signs in with codes: there is no first password to replace.
        user.setPasswordChangeRequired(contact.user().password() != null);
        return user;
    }

    /** The answer for a user created from {@code contact}: its generated password, shown this once. */
    private static ExternalUser created(UserEntity user, ValidContact contact) {
        return new ExternalUser(IdentityStore.newUserDto(user), true, contact.generated() ? contact.user().password() : null);
    }

    private String newPassword() {
        StringBuilder password = new StringBuilder(14);
        for (int i = 0; i < 14; i++) {
            password.append(PASSWORD_ALPHABET[random.nextInt(PASSWORD_ALPHABET.length)]);
        }
        return password.toString();
    }

    @Override
    public Membership addMember(CallContext ctx, String tenantId, String companyId, String connectionId, String userId,
                                Set<String> externalRoles) {
        return tx.inTransaction(em -> {
            UserEntity user = userId == null ? null : em.find(UserEntity.class, userId);
            if (user == null) {
                throw ApiException.notFound("User");
            }
            boolean upstream = ctx.isChannelStaff() && ctx.tenantId().equals(tenantId);
            boolean downstreamAdmin = ctx.isInternal() && ctx.tenantAdmin() && ctx.tenantId().equals(companyId);
            if (!upstream && downstreamAdmin && !companyId.equals(user.getEnterpriseId())) {
                // Another enterprise's user is no user of the caller's: not found, as an unknown id.
                throw ApiException.notFound("User");
            }
            if (!upstream && !downstreamAdmin) {
                throw upstreamOrAdminOnly(ctx);
            }
            MembershipEntity membership = join(em, tenantId, companyId, connectionId, user,
                IdentityStore.membership(em, userId, tenantId).orElse(null), Instant.now(), "userId");
            for (String role : externalRoles == null ? Set.<String>of() : externalRoles) {
                grantExternalRole(em, tenantId, userId, role);
            }
            return toDto(em, membership, user);
        });
    }

    @Override
    public void removeMember(CallContext ctx, String tenantId, String connectionId, String userId) {
        tx.inTransaction(em -> {
            // Who may remove members at all is decided before any lookup, and a downstream admin finds only its own
            // company's members: the answer tells nothing about other ids.
            boolean upstream = ctx.isChannelStaff() && ctx.tenantId().equals(tenantId);
            if (!upstream && !(ctx.isInternal() && ctx.tenantAdmin())) {
                throw upstreamOrAdminOnly(ctx);
            }
            MembershipEntity membership = IdentityStore.membership(em, userId, tenantId)
                .filter(m -> m.getConnectionId().equals(connectionId))
                .filter(m -> upstream || ctx.tenantId().equals(m.getCompanyId()))
                .orElseThrow(() -> ApiException.notFound("Member"));
            em.remove(membership);
            em.createQuery("delete from UserRoleEntity r where r.tenantId = :t and r.userId = :u")
                .setParameter("t", tenantId).setParameter("u", userId).executeUpdate();
            revokeTokens(em, tenantId, List.of(userId));
            return null;
        });
    }

    @Override
    public void setConnectionStatus(CallContext ctx, String connectionId, String status) {
        requireChannelStaff(ctx);
        if (!Set.of(Membership.ACTIVE, Membership.SUSPENDED, Membership.ENDED).contains(status)) {
            throw ApiException.badRequest("invalid_status", "status must be active, suspended or ended", "status");
        }
        tx.inTransaction(em -> {
            List<MembershipEntity> members = em.createQuery(
                    "select m from MembershipEntity m where m.tenantId = :t and m.connectionId = :c", MembershipEntity.class)
                .setParameter("t", ctx.tenantId()).setParameter("c", connectionId).getResultList();
            Instant now = Instant.now();
            for (MembershipEntity member : members) {
                member.setStatus(status);
                member.setUpdatedAt(now);
            }
            if (!Membership.ACTIVE.equals(status)) {
                revokeTokens(em, ctx.tenantId(), members.stream().map(MembershipEntity::getUserId).toList());
            }
            return null;
        });
    }

    /** Revokes every live token the users hold for the tenant; they are cut off at their next request. */
    private static void revokeTokens(EntityManager em, String tenantId, List<String> userIds) {
        Date now = new Date();
        for (int from = 0; from < userIds.size(); from += 500) {
            em.createQuery("update AccessTokenEntity t set t.revokedAt = :now "
                    + "where t.tenantId = :t and t.revokedAt is null and t.userId in :users")
                .setParameter("now", now).setParameter("t", tenantId)
                .setParameter("users", userIds.subList(from, Math.min(userIds.size(), from + 500))).executeUpdate();
        }
    }

    @Override
    public List<Membership> listMembers(CallContext ctx, String tenantId, String connectionId) {
        return tx.read(em -> {
            List<MembershipEntity> members = em.createQuery(
                    "select m from MembershipEntity m where m.tenantId = :t and m.connectionId = :c order by m.createdAt, m.id",
                    MembershipEntity.class)
                .setParameter("t", tenantId).setParameter("c", connectionId).getResultList();
            boolean upstream = ctx.isChannelStaff() && ctx.tenantId().equals(tenantId);
            boolean downstreamAdmin = ctx.isInternal() && ctx.tenantAdmin()
                && members.stream().allMatch(m -> m.getCompanyId().equals(ctx.tenantId()));
            if (!upstream && !downstreamAdmin) {
                throw upstreamOrAdminOnly(ctx);
            }
            List<Membership> result = new ArrayList<>();
            for (MembershipEntity m : members) {
                result.add(toDto(em, m, em.find(UserEntity.class, m.getUserId())));
            }
            return result;
        });
    }

    @Override
    public long countMembers(String tenantId, String connectionId) {
        return tx.read(em -> em.createQuery("select count(m) from MembershipEntity m where m.tenantId = :t "
                + "and m.connectionId = :c", Long.class)
            .setParameter("t", tenantId).setParameter("c", connectionId).getSingleResult());
    }

    @Override
    public List<ActingContext> contexts(CallContext ctx) {
        return tx.read(em -> {
            List<ActingContext> contexts = new ArrayList<>();
            UserEntity user = em.find(UserEntity.class, ctx.userId());
            if (user == null) {
                return contexts;
            }
            EnterpriseEntity own = em.find(EnterpriseEntity.class, user.getEnterpriseId());
            contexts.add(new ActingContext(own.getId(), own.getName(), ActingContext.OWN, null, null, own.getStatus()));
            for (MembershipEntity m : em.createQuery(
                    "select m from MembershipEntity m where m.userId = :u order by m.createdAt", MembershipEntity.class)
                .setParameter("u", ctx.userId()).getResultList()) {
                EnterpriseEntity upstream = em.find(EnterpriseEntity.class, m.getTenantId());
                EnterpriseEntity company = em.find(EnterpriseEntity.class, m.getCompanyId());
                contexts.add(new ActingContext(upstream.getId(), upstream.getName(), ActingContext.EXTERNAL,
                    company.getId(), company.getName(), m.getStatus()));
            }
            return contexts;
        });
    }

    @Override
    public void assignExternalRoles(CallContext ctx, String userId, Set<String> roleKeys) {
        requireChannelStaff(ctx);
        tx.inTransaction(em -> {
            if (IdentityStore.membership(em, userId, ctx.tenantId()).isEmpty()) {
                throw ApiException.notFound("External user");
            }
            for (String role : roleKeys) {
                grantExternalRole(em, ctx.tenantId(), userId, role);
            }
            return null;
        });
    }

    @Override
    public Optional<CallContext> contextOf(String tenantId, String userId) {
        if (tenantId == null || userId == null) {
            return Optional.empty();
        }
        return tx.read(em -> {
            UserEntity user = em.find(UserEntity.class, userId);
            if (user == null || !IdentityStore.ACTIVE.equals(user.getStatus())) {
                return Optional.<CallContext>empty();
            }
            try {
                return Optional.of(IdentityStore.contextOf(em, user, tenantId));
            } catch (ApiException notAMember) {
                return Optional.<CallContext>empty();
            }
        });
    }

    @Override
    public boolean isDownstreamCompany(String tenantId, String companyId) {
        if (tenantId == null || companyId == null || companyId.equals(tenantId)) {
            return false;
        }
        return tx.read(em -> !em.createQuery("select m.id from MembershipEntity m where m.tenantId = :t and m.companyId = :c",
                String.class)
            .setParameter("t", tenantId).setParameter("c", companyId).setMaxResults(1).getResultList().isEmpty());
    }

    @Override
    public List<String> activeMembers(String tenantId, String companyId) {
        if (tenantId == null || companyId == null) {
            return List.of();
        }
        return tx.read(em -> em.createQuery("select m.userId from MembershipEntity m, UserEntity u where u.id = m.userId "
                + "and m.tenantId = :t and m.companyId = :c and m.status = :a and u.status = :ua order by m.userId",
                String.class)
            .setParameter("t", tenantId).setParameter("c", companyId).setParameter("a", Membership.ACTIVE)
            .setParameter("ua", IdentityStore.ACTIVE).getResultList());
    }

    @Override
    public List<String> companyAdmins(String tenantId, String companyId) {
        if (tenantId == null || companyId == null) {
            return List.of();
        }
        return tx.read(em -> em.createQuery("select m.userId from MembershipEntity m, UserEntity u where u.id = m.userId "
                + "and m.tenantId = :t and m.companyId = :c and m.status = :a and u.status = :ua and u.tenantAdmin = true "
                + "and u.enterpriseId = :c order by m.userId", String.class)
            .setParameter("t", tenantId).setParameter("c", companyId).setParameter("a", Membership.ACTIVE)
            .setParameter("ua", IdentityStore.ACTIVE).getResultList());
    }

    @Override
    public List<String> roleHolders(String tenantId, String roleKey) {
        if (tenantId == null || roleKey == null) {
            return List.of();
        }
        // Employees act for their own enterprise; a member only while its membership is active: one query.
        return tx.read(em -> em.createQuery("select u.id from UserRoleEntity r, UserEntity u where u.id = r.userId "
                + "and r.tenantId = :t and r.roleKey = :k and u.status = :ua and (u.enterpriseId = :t or exists ("
                + "select m.id from MembershipEntity m where m.userId = u.id and m.tenantId = :t and m.status = :a)) "
                + "order by u.id", String.class)
            .setParameter("t", tenantId).setParameter("k", roleKey).setParameter("ua", IdentityStore.ACTIVE)
            .setParameter("a", Membership.ACTIVE).getResultList());
    }

    @Override
    public void revokeExternalRole(CallContext ctx, String userId, String roleKey) {
        requireChannelStaff(ctx);
        tx.inTransaction(em -> {
            if (IdentityStore.membership(em, userId, ctx.tenantId()).isEmpty()) {
                throw ApiException.notFound("External user");
            }
            requireExternalKind(roleKey, IdentityStore.findRole(em, ctx.tenantId(), roleKey).map(RoleEntity::getKind).orElse(null));
            em.createQuery("delete from UserRoleEntity r where r.tenantId = :t and r.userId = :u and r.roleKey = :k")
                .setParameter("t", ctx.tenantId()).setParameter("u", userId).setParameter("k", roleKey).executeUpdate();
            return null;
        });
    }

    private static void grantExternalRole(EntityManager em, String tenantId, String userId, String roleKey) {
        requireExternalKind(roleKey, IdentityStore.findRole(em, tenantId, roleKey).map(RoleEntity::getKind).orElse(null));
        IdentityStore.grantRole(em, tenantId, userId, roleKey);
    }

    private static Membership toDto(EntityManager em, MembershipEntity m, UserEntity user) {
        return new Membership(m.getId(), m.getUserId(), user == null ? null : user.getName(),
            user == null ? null : user.getMobile(), m.getTenantId(), m.getCompanyId(), m.getConnectionId(),
            m.getStatus(), IdentityStore.roleKeys(em, m.getTenantId(), m.getUserId()), m.getCreatedAt());
    }

    private static void requireChannelStaff(CallContext ctx) {
        ctx.requireChannelStaff("do this");
    }

    private static ApiException upstreamOrAdminOnly(CallContext ctx) {
        return ApiException.forbidden("only the upstream's channel managers or the company's administrator may do this");
    }
}
