package org.openpartner.platform.internal.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;

import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.Names;
import org.openpartner.platform.api.dto.Membership;
import org.openpartner.platform.internal.jpa.MembershipEntity;
import org.openpartner.platform.internal.jpa.RoleEntity;
import org.openpartner.platform.internal.jpa.UserRoleEntity;
import org.openpartner.platform.api.dto.Enterprise;
import org.openpartner.platform.api.dto.User;
import org.openpartner.platform.internal.jpa.EnterpriseEntity;
import org.openpartner.platform.internal.jpa.UserEntity;

/** Queries on users and enterprises shared by the identity services and the authenticator. */
public final class IdentityStore {

    public static final String ACTIVE = "active";

    private IdentityStore() {
    }

    public static Optional<UserEntity> findByLoginKey(EntityManager em, String loginKey) {
        return em.createQuery("select u from UserEntity u where u.loginKey = :k", UserEntity.class)
            .setParameter("k", loginKey).setMaxResults(1).getResultList().stream().findFirst();
    }

    public static Optional<UserEntity> findByMobile(EntityManager em, String mobile) {
        return em.createQuery("select u from UserEntity u where u.mobile = :m", UserEntity.class)
            .setParameter("m", mobile).setMaxResults(1).getResultList().stream().findFirst();
    }

    public static Optional<RoleEntity> findRole(EntityManager em, String tenantId, String key) {
        return em.createQuery("select r from RoleEntity r where r.tenantId = :t and r.key = :k", RoleEntity.class)
            .setParameter("t", tenantId).setParameter("k", key).setMaxResults(1).getResultList().stream().findFirst();
    }

    /** Gives the user the tenant's role {@code roleKey} unless it has it already. */
    public static void grantRole(EntityManager em, String tenantId, String userId, String roleKey) {
        if (!roleKeys(em, tenantId, userId).contains(roleKey)) {
            insertRole(em, tenantId, userId, roleKey);
        }
    }

    /** Gives the user the tenant's role {@code roleKey}; the caller has checked it does not have it. */
    static void insertRole(EntityManager em, String tenantId, String userId, String roleKey) {
        UserRoleEntity link = new UserRoleEntity();
        link.setId(Ids.newId());
        link.setTenantId(tenantId);
        link.setUserId(userId);
        link.setRoleKey(roleKey);
        link.setCreatedAt(Instant.now());
        em.persist(link);
    }

    /** Whether an enterprise already has this name, ignoring case and extra spaces. */
    public static boolean enterpriseNameTaken(EntityManager em, String name) {
        return !em.createQuery("select e.id from EnterpriseEntity e where e.nameKey = :k", String.class)
            .setParameter("k", Names.key(name)).setMaxResults(1).getResultList().isEmpty();
    }

    public static Set<String> roleKeys(EntityManager em, String tenantId, String userId) {
        List<String> keys = em.createQuery(
                "select r.roleKey from UserRoleEntity r where r.tenantId = :t and r.userId = :u", String.class)
            .setParameter("t", tenantId).setParameter("u", userId).getResultList();
        return new TreeSet<>(keys);
    }

    public static Optional<MembershipEntity> membership(EntityManager em, String userId, String tenantId) {
        return em.createQuery("select m from MembershipEntity m where m.userId = :u and m.tenantId = :t",
                MembershipEntity.class)
            .setParameter("u", userId).setParameter("t", tenantId).setMaxResults(1).getResultList().stream().findFirst();
    }

    /**
     * The context a user acts with for {@code tenantId}: its own enterprise, or an upstream through an active
     * membership.
     *
     * @throws ApiException 403 when the user has no active membership of the tenant
     */
    public static CallContext contextOf(EntityManager em, UserEntity user, String tenantId) {
        String companyId = null;
        if (!tenantId.equals(user.getEnterpriseId())) {
            MembershipEntity membership = membership(em, user.getId(), tenantId)
                .orElseThrow(() -> ApiException.forbidden("not_a_member", "you are not a user of this enterprise", "context"));
            if (!Membership.ACTIVE.equals(membership.getStatus())) {
                throw ApiException.forbidden("connection_" + membership.getStatus(),
                    "the connection with this enterprise is " + membership.getStatus(), "context");
            }
            companyId = membership.getCompanyId();
        }
        return new CallContext(user.getId(), user.getLoginName(), user.getName(), tenantId,
            user.getEnterpriseId(), roleKeys(em, tenantId, user.getId()),
            user.isTenantAdmin() && tenantId.equals(user.getEnterpriseId()), user.isPlatformAdmin(), companyId);
    }

    public static User toDto(EntityManager em, UserEntity u) {
        return new User(u.getId(), u.getEnterpriseId(), u.getLoginName(), u.getMobile(), u.getName(), u.getEmail(),
            u.getStatus(), u.isTenantAdmin(), u.isPlatformAdmin(), roleKeys(em, u.getEnterpriseId(), u.getId()),
            u.getCreatedAt());
    }

    /** A user just created: it holds no roles yet, so none are looked up. */
    public static User newUserDto(UserEntity u) {
        return new User(u.getId(), u.getEnterpriseId(), u.getLoginName(), u.getMobile(), u.getName(), u.getEmail(),
            u.getStatus(), u.isTenantAdmin(), u.isPlatformAdmin(), java.util.Set.of(), u.getCreatedAt());
    }

    public static Enterprise toDto(EnterpriseEntity e) {
        return new Enterprise(e.getId(), e.getName(), e.getStatus(), e.getCreatedAt());
    }
}
