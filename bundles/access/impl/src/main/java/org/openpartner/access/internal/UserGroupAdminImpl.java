package org.openpartner.access.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.LockModeType;

import org.openpartner.access.api.UserGroupAdmin;
import org.openpartner.access.api.dto.GroupMember;
import org.openpartner.access.api.dto.UserGroup;
import org.openpartner.access.api.dto.UserGroupInput;
import org.openpartner.access.internal.jpa.UserGroupEntity;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.EventPublisher;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.MembershipService;
import org.openpartner.platform.api.Names;
import org.openpartner.platform.api.access.jpa.GroupMembership;
import org.openpartner.platform.api.access.jpa.ShareRule;
import org.openpartner.platform.api.dto.DomainEvent;
import org.openpartner.platform.api.jpa.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = UserGroupAdmin.class)
public class UserGroupAdminImpl implements UserGroupAdmin {

    /** Users one call may add: the whole call is checked before anything is written. */
    static final int MAX_MEMBERS_PER_CALL = 1_000;

    private final Transactions tx;
    private final MembershipService memberships;
    private final EventPublisher events;

    @Activate
    public UserGroupAdminImpl(@Reference(target = "(osgi.unit.name=openpartner-access)") EntityManagerFactory emf,
                              @Reference MembershipService memberships, @Reference EventPublisher events) {
        this.tx = new Transactions(emf);
        this.memberships = memberships;
        this.events = events;
    }

    @Override
    public List<UserGroup> groups(CallContext ctx) {
        requireStaff(ctx);
        return tx.read(em -> {
            Map<String, Long> counts = new HashMap<>();
            em.createQuery("select m.groupId, count(m) from GroupMembership m where m.tenantId = :t group by m.groupId",
                    Object[].class).setParameter("t", ctx.tenantId()).getResultList()
                .forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
            return em.createQuery("select g from UserGroupEntity g where g.tenantId = :t order by g.nameKey",
                    UserGroupEntity.class).setParameter("t", ctx.tenantId()).getResultList().stream()
                .map(g -> toDto(g, counts.getOrDefault(g.getId(), 0L))).toList();
        });
    }

    @Override
    public UserGroup group(CallContext ctx, String groupId) {
        requireStaff(ctx);
        return tx.read(em -> toDto(em, require(em, ctx, groupId)));
    }

    @Override
    public UserGroup create(CallContext ctx, UserGroupInput input) {
        requireStaff(ctx);
        String name = Names.require(input == null ? null : input.name(), "name", 120);
        String description = description(input);
        return tx.inTransaction(em -> {
            requireFreeName(em, ctx, name, null);
            UserGroupEntity group = new UserGroupEntity();
            group.setId(Ids.newId());
            group.setTenantId(ctx.tenantId());
            group.setName(name);
            group.setNameKey(Names.key(name));
            group.setDescription(description);
            group.setCreatedBy(ctx.userId());
            group.setCreatedAt(Instant.now());
            em.persist(group);
            events.publish(em, event(ctx, "access.group.created", group, Map.of("name", name)));
            return toDto(group, 0);
        });
    }

    @Override
    public UserGroup update(CallContext ctx, String groupId, UserGroupInput input) {
        requireStaff(ctx);
        String name = Names.require(input == null ? null : input.name(), "name", 120);
        String description = description(input);
        return tx.inTransaction(em -> {
            UserGroupEntity group = require(em, ctx, groupId);
            requireFreeName(em, ctx, name, group.getId());
            group.setName(name);
            group.setNameKey(Names.key(name));
            group.setDescription(description);
            events.publish(em, event(ctx, "access.group.updated", group, Map.of("name", name)));
            return toDto(em, group);
        });
    }

    @Override
    public void delete(CallContext ctx, String groupId) {
        requireStaff(ctx);
        tx.inTransaction(em -> {
            if (!lock(em, ctx.tenantId(), groupId)) {
                throw ApiException.notFound("User group");
            }
            UserGroupEntity group = em.find(UserGroupEntity.class, groupId);
            long rules = em.createQuery("select count(r) from ShareRule r where r.tenantId = :t and "
                    + "((r.sourceKind = :g and r.sourceKey = :id) or r.target = :principal)", Long.class)
                .setParameter("t", ctx.tenantId()).setParameter("g", ShareRule.SOURCE_GROUP)
                .setParameter("id", group.getId()).setParameter("principal", Visibility.GROUP + group.getId())
                .getSingleResult();
            if (rules > 0) {
                throw ApiException.conflict("group_in_use", "user group " + group.getName() + " is named by " + rules
                    + " sharing rule" + (rules == 1 ? "" : "s") + "; delete " + (rules == 1 ? "it" : "them") + " first", "id");
            }
            em.createQuery("delete from GroupMembership m where m.tenantId = :t and m.groupId = :g")
                .setParameter("t", ctx.tenantId()).setParameter("g", group.getId()).executeUpdate();
            em.remove(group);
            events.publish(em, event(ctx, "access.group.deleted", group, Map.of("name", group.getName())));
            return null;
        });
    }

    @Override
    public List<GroupMember> members(CallContext ctx, String groupId) {
        requireStaff(ctx);
        List<GroupMembership> rows = tx.read(em -> {
            UserGroupEntity group = require(em, ctx, groupId);
            return em.createQuery("select m from GroupMembership m where m.tenantId = :t and m.groupId = :g "
                    + "order by m.addedAt, m.userId", GroupMembership.class)
                .setParameter("t", ctx.tenantId()).setParameter("g", group.getId()).getResultList();
        });
        return rows.stream().map(m -> toDto(m, memberships.contextOf(ctx.tenantId(), m.getUserId()))).toList();
    }

    @Override
    public List<GroupMember> addMembers(CallContext ctx, String groupId, List<String> userIds) {
        requireStaff(ctx);
        if (userIds == null || userIds.isEmpty()) {
            throw ApiException.badRequest("required", "userIds lists the users to add", "userIds");
        }
        if (userIds.size() > MAX_MEMBERS_PER_CALL) {
            throw ApiException.badRequest("too_many", "at most " + MAX_MEMBERS_PER_CALL + " users per call", "userIds");
        }
        Set<String> distinct = new LinkedHashSet<>(userIds);
        Map<String, CallContext> users = new LinkedHashMap<>();
        for (String userId : distinct) {
            Optional<CallContext> user = userId == null ? Optional.empty() : memberships.contextOf(ctx.tenantId(), userId);
            if (user.isEmpty()) {
                throw ApiException.badRequest("unknown_user", "userIds: " + userId + " is no active employee or "
                    + "external user of this enterprise", "userIds");
            }
            users.put(userId, user.get());
        }
        tx.inTransaction(em -> {
            UserGroupEntity group = require(em, ctx, groupId);
            Set<String> present = new LinkedHashSet<>(em.createQuery("select m.userId from GroupMembership m "
                    + "where m.tenantId = :t and m.groupId = :g", String.class)
                .setParameter("t", ctx.tenantId()).setParameter("g", group.getId()).getResultList());
            List<GroupMembership> rows = new ArrayList<>();
            for (String userId : users.keySet()) {
                if (present.contains(userId)) {
                    continue;
                }
                GroupMembership row = new GroupMembership();
                row.setId(Ids.newId());
                row.setTenantId(ctx.tenantId());
                row.setGroupId(group.getId());
                row.setUserId(userId);
                row.setAddedBy(ctx.userId());
                row.setAddedAt(Instant.now());
                em.persist(row);
                rows.add(row);
            }
            if (!rows.isEmpty()) {
                events.publish(em, event(ctx, "access.group.members.added", group,
                    Map.of("members", rows.stream().map(GroupMembership::getUserId).toList())));
            }
            return null;
        });
        return members(ctx, groupId);
    }

    @Override
    public void removeMember(CallContext ctx, String groupId, String userId) {
        requireStaff(ctx);
        tx.inTransaction(em -> {
            UserGroupEntity group = require(em, ctx, groupId);
            int removed = em.createQuery("delete from GroupMembership m where m.tenantId = :t and m.groupId = :g "
                    + "and m.userId = :u").setParameter("t", ctx.tenantId()).setParameter("g", group.getId())
                .setParameter("u", userId).executeUpdate();
            if (removed == 0) {
                throw ApiException.notFound("Group member");
            }
            events.publish(em, event(ctx, "access.group.member.removed", group, Map.of("member", userId)));
            return null;
        });
    }

    /**
     * Whether the id names a group of the tenant, holding its row until the transaction ends: a rule that names the
     * group and the group's deletion then happen one after the other, so no rule is left naming a deleted group.
     */
    static boolean lock(EntityManager em, String tenantId, String groupId) {
        UserGroupEntity group = groupId == null ? null
            : em.find(UserGroupEntity.class, groupId, LockModeType.PESSIMISTIC_WRITE);
        return group != null && group.getTenantId().equals(tenantId);
    }

    /** Whether the id names a group of the caller's tenant (for sharing rules). */
    static boolean exists(EntityManager em, String tenantId, String groupId) {
        UserGroupEntity group = groupId == null ? null : em.find(UserGroupEntity.class, groupId);
        return group != null && group.getTenantId().equals(tenantId);
    }

    private static void requireStaff(CallContext ctx) {
        ctx.requireChannelStaff("manage user groups");
    }

    private static UserGroupEntity require(EntityManager em, CallContext ctx, String groupId) {
        if (!exists(em, ctx.tenantId(), groupId)) {
            throw ApiException.notFound("User group");
        }
        return em.find(UserGroupEntity.class, groupId);
    }

    private static void requireFreeName(EntityManager em, CallContext ctx, String name, String exceptId) {
        boolean taken = em.createQuery("select g.id from UserGroupEntity g where g.tenantId = :t and g.nameKey = :k",
                String.class).setParameter("t", ctx.tenantId()).setParameter("k", Names.key(name)).getResultList()
            .stream().anyMatch(id -> !id.equals(exceptId));
        if (taken) {
            throw ApiException.conflict("group_exists", "the enterprise already has a user group named " + name, "name");
        }
    }

    private static String description(UserGroupInput input) {
        String description = input == null || input.description() == null ? null : input.description().strip();
        if (description != null && description.length() > 500) {
            throw ApiException.badRequest("too_long", "description must be at most 500 characters", "description");
        }
        return description == null || description.isEmpty() ? null : description;
    }

    private static UserGroup toDto(EntityManager em, UserGroupEntity g) {
        long count = em.createQuery("select count(m) from GroupMembership m where m.tenantId = :t and m.groupId = :g",
            Long.class).setParameter("t", g.getTenantId()).setParameter("g", g.getId()).getSingleResult();
        return toDto(g, count);
    }

    private static UserGroup toDto(UserGroupEntity g, long members) {
        return new UserGroup(g.getId(), g.getName(), g.getDescription(), members, g.getCreatedBy(), g.getCreatedAt());
    }

    private static GroupMember toDto(GroupMembership m, Optional<CallContext> user) {
        return new GroupMember(m.getUserId(), user.map(CallContext::displayName).orElse(null),
            user.map(CallContext::companyId).orElse(null), m.getAddedBy(), m.getAddedAt());
    }

    private static DomainEvent event(CallContext ctx, String type, UserGroupEntity group, Map<String, Object> data) {
        return new DomainEvent(type, ctx.tenantId(), "UserGroup", group.getId(), ctx.userId(),
            type.substring("access.group.".length()).replace('.', ' ') + ": user group " + group.getName(), data);
    }
}
