package org.openpartner.access.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.access.DataScope;
import org.openpartner.platform.api.access.RecordAccess;
import org.openpartner.platform.api.access.VisibilityFilter;
import org.openpartner.platform.api.access.jpa.ShareRule;

/** SPEC S4's data scopes as query conditions, scope by scope, for reading and for writing. */
public class VisibilityTest {

    private static final CallContext DEALER = new CallContext("u1", null, "Dealer", "t1", "c1", Set.of("dealer"),
        false, false, "c1");
    private static final CallContext STAFF = new CallContext("u2", "staff", "Staff", "t1", "t1", Set.of(), true, false);
    private static final CallContext CLERK = new CallContext("u3", "clerk", "Clerk", "t1", "t1", Set.of(), false, false);
    private static final CallContext OTHER_TENANTS_EMPLOYEE = new CallContext("u4", "x", "X", "t1", "t9", Set.of(),
        false, false);

    private static final String OWN = "(l.tenantId = :opAccTenant and (l.ownerUserId = :opAccUser))";
    private static final String OWN_OR_COMPANY = "(l.tenantId = :opAccTenant and (l.ownerUserId = :opAccUser "
        + "or l.ownerCompanyId = :opAccCompany))";
    private static final String OWN_OR_ANY_COMPANY = "(l.tenantId = :opAccTenant and (l.ownerUserId = :opAccUser "
        + "or l.ownerCompanyId is not null))";

    @Test
    public void externalUsersReachWhatTheirCompanysScopePutsInReach() {
        Object[][] cases = {
            {DataScope.PRIVATE, RecordAccess.READ, OWN},
            {DataScope.PRIVATE, RecordAccess.WRITE, OWN},
            {DataScope.COMPANY_READ_ONLY, RecordAccess.READ, OWN_OR_COMPANY},
            {DataScope.COMPANY_READ_ONLY, RecordAccess.WRITE, OWN},
            {DataScope.COMPANY_READ_WRITE, RecordAccess.READ, OWN_OR_COMPANY},
            {DataScope.COMPANY_READ_WRITE, RecordAccess.WRITE, OWN_OR_COMPANY},
            {DataScope.PUBLIC_READ_ONLY, RecordAccess.READ, OWN_OR_ANY_COMPANY},
            {DataScope.PUBLIC_READ_ONLY, RecordAccess.WRITE, OWN_OR_COMPANY},
            {DataScope.PUBLIC_READ_WRITE, RecordAccess.READ, OWN_OR_ANY_COMPANY},
            {DataScope.PUBLIC_READ_WRITE, RecordAccess.WRITE, OWN_OR_ANY_COMPANY},
        };
        for (Object[] c : cases) {
            VisibilityFilter filter = Visibility.filter(DEALER, "lead", false, (DataScope) c[0], "l", (RecordAccess) c[1], none(DEALER));
            assertEquals(c[0] + " " + c[1], c[2], filter.jpql());
            assertEquals("t1", filter.parameters().get("opAccTenant"));
            assertEquals("u1", filter.parameters().get("opAccUser"));
            assertEquals(c[0] + " " + c[1], ((String) c[2]).contains(":opAccCompany") ? "c1" : null,
                filter.parameters().get("opAccCompany"));
        }
    }

    @Test
    public void channelStaffReachTheirWholeTenantAndNothingElse() {
        VisibilityFilter filter = Visibility.filter(STAFF, "lead", true, DataScope.PRIVATE, "l", RecordAccess.WRITE, none(STAFF));
        assertEquals("l.tenantId = :opAccTenant", filter.jpql());
        assertEquals(Map.of("opAccTenant", "t1"), filter.parameters());
    }

    @Test
    public void otherEmployeesReachTheirOwnRecordsWhateverTheScope() {
        assertEquals(OWN, Visibility.filter(CLERK, "lead", false, DataScope.PUBLIC_READ_WRITE, "l", RecordAccess.READ, none(CLERK)).jpql());
    }

    @Test
    public void aCallerOfNeitherKindReachesNothing() {
        assertEquals("l.tenantId = :opAccTenant and l.id is null",
            Visibility.filter(OTHER_TENANTS_EMPLOYEE, "lead", true, DataScope.PUBLIC_READ_WRITE, "l", RecordAccess.READ, none(OTHER_TENANTS_EMPLOYEE)).jpql());
    }

    @Test
    public void grantsRulesAndTheHierarchyReachRecordsSharedWithTheUserItsCompanyItsRolesEveryCompanyOrItsParents() {
        CallerSharing sharing = new CallerSharing(Visibility.principals(DEALER, List.of("g9")),
            List.of(rule(ShareRule.SOURCE_ROLE, "key-account", "R"), rule(ShareRule.SOURCE_GROUP, "g2", "W")));
        VisibilityFilter read = Visibility.filter(DEALER, "lead", true, DataScope.PRIVATE, "l", RecordAccess.READ, sharing);
        assertEquals("(l.tenantId = :opAccTenant and (l.ownerUserId = :opAccUser"
            + " or exists (select g.id from ShareGrant g where g.tenantId = :opAccTenant and g.objectName = :opAccObject"
            + " and g.principal in :opAccPrincipals and g.recordId = l.id)"
            + " or exists (select r.id from ShareRule r where r.tenantId = :opAccTenant and r.objectName = :opAccObject"
            + " and r.target in :opAccPrincipals and r.sourceKind = :opAccSourceCompany and r.sourceKey = l.ownerCompanyId)"
            + " or exists (select a.id from RoleAssignment a where a.tenantId = :opAccTenant"
            + " and a.roleKey in :opAccRuleRoles and a.userId = l.ownerUserId)"
            + " or exists (select m.id from GroupMembership m where m.tenantId = :opAccTenant"
            + " and m.groupId in :opAccRuleGroups and m.userId = l.ownerUserId)"
            + " or (exists (select h.id from HierarchyLink h where h.tenantId = :opAccTenant"
            + " and h.ancestorCompanyId = :opAccAncestor and h.descendantCompanyId = l.ownerCompanyId)"
            + " and not exists (select x.id from ShareGrant x where x.tenantId = :opAccTenant and x.objectName = :opAccObject"
            + " and x.principal = :opAccHidden and x.recordId = l.id))))", read.jpql());
        assertEquals("c1", read.parameters().get("opAccAncestor"));
        assertEquals("H:", read.parameters().get("opAccHidden"));
        assertEquals(List.of("U:u1", "C:c1", "A:", "R:dealer", "G:g9"), read.parameters().get("opAccPrincipals"));
        assertEquals("lead", read.parameters().get("opAccObject"));
        // One alternative per way (for VisibleRows), the ones beyond ownership as keys looked up first.
        assertEquals(6, read.alternatives().size());
        assertEquals("(l.tenantId = :opAccTenant and l.ownerUserId = :opAccUser)", read.alternatives().get(0).jpql());
        assertEquals(Map.of("opAccTenant", "t1", "opAccUser", "u1"), read.alternatives().get(0).parameters());
        assertEquals(new VisibilityFilter.Keys("l.id", "select g.recordId from ShareGrant g where g.tenantId = :opAccTenant"
            + " and g.objectName = :opAccObject and g.principal in :opAccPrincipals", "concat(l.tenantId, '') = :opAccTenant", null,
            "l.tenantId = :opAccTenant"),
            read.alternatives().get(1).keys());
        assertEquals("select a.userId from RoleAssignment a where a.tenantId = :opAccTenant"
            + " and a.roleKey in :opAccRuleRoles", read.alternatives().get(3).keys().query());
        assertEquals(List.of("key-account"), read.parameters().get("opAccRuleRoles"));
        assertEquals("select m.userId from GroupMembership m where m.tenantId = :opAccTenant"
            + " and m.groupId in :opAccRuleGroups", read.alternatives().get(4).keys().query());
        assertEquals(List.of("g2"), read.parameters().get("opAccRuleGroups"));
        // With no rule from a role or group for the caller, no such alternative (and no query of holders).
        assertEquals(4, Visibility.filter(DEALER, "lead", true, DataScope.PRIVATE, "l", RecordAccess.READ, none(DEALER))
            .alternatives().size());
        VisibilityFilter.Keys below = read.alternatives().get(5).keys();
        assertEquals("l.ownerCompanyId", below.attribute());
        assertEquals("select x.recordId from ShareGrant x where x.tenantId = :opAccTenant and x.objectName = :opAccObject"
            + " and x.principal = :opAccHidden", below.excluded());
        VisibilityFilter write = Visibility.filter(DEALER, "lead", true, DataScope.PRIVATE, "l", RecordAccess.WRITE, sharing);
        // The role rule shares for reading only, the group rule for writing too.
        assertTrue(!write.jpql().contains("RoleAssignment"));
        assertEquals(List.of("g2"), write.parameters().get("opAccRuleGroups"));
        assertTrue(write.jpql().contains("and g.accessLevel = :opAccWrite and g.recordId = l.id)"));
        assertTrue(write.jpql().contains("and r.accessLevel = :opAccWrite and r.sourceKind = :opAccSourceCompany"));
        assertTrue(write.jpql().contains("h.ancestorCompanyId = :opAccAncestor and h.accessLevel = :opAccWrite"
            + " and h.descendantCompanyId = l.ownerCompanyId)"));
        // Employees are in no company, so no hierarchy puts them above one.
        assertTrue(!Visibility.filter(CLERK, "lead", true, DataScope.PRIVATE, "l", RecordAccess.READ, none(CLERK)).jpql()
            .contains("HierarchyLink"));
        assertEquals("W", write.parameters().get("opAccWrite"));
        assertEquals(List.of("U:u3"), Visibility.principals(CLERK, List.of()));
        assertEquals(List.of("U:u3", "G:a", "G:b"), Visibility.principals(CLERK, List.of("b", "a")));
    }

    @Test
    public void oneRecordIsDecidedByTheSameRulesWithTheReasons() {
        assertEquals(List.of("owns the record"),
            Visibility.reaches(DEALER, DataScope.PRIVATE, "t1", "u1", "c1", RecordAccess.WRITE, List.of()));
        assertEquals(List.of(), Visibility.reaches(DEALER, DataScope.PRIVATE, "t1", "u7", "c1", RecordAccess.READ, List.of()));
        assertEquals(1, Visibility.reaches(DEALER, DataScope.COMPANY_READ_ONLY, "t1", "u7", "c1", RecordAccess.READ, List.of()).size());
        assertEquals(0, Visibility.reaches(DEALER, DataScope.COMPANY_READ_ONLY, "t1", "u7", "c1", RecordAccess.WRITE, List.of()).size());
        assertEquals(0, Visibility.reaches(DEALER, DataScope.COMPANY_READ_WRITE, "t1", "u7", "c2", RecordAccess.READ, List.of()).size());
        assertEquals(1, Visibility.reaches(DEALER, DataScope.PUBLIC_READ_ONLY, "t1", "u7", "c2", RecordAccess.READ, List.of()).size());
        assertEquals(0, Visibility.reaches(DEALER, DataScope.PUBLIC_READ_WRITE, "t1", "u7", null, RecordAccess.READ, List.of()).size());
        assertEquals(List.of("team"), Visibility.reaches(DEALER, DataScope.PRIVATE, "t1", "u7", "c2", RecordAccess.READ, List.of("team")));
        assertEquals(0, Visibility.reaches(DEALER, DataScope.PUBLIC_READ_WRITE, "t2", "u1", "c1", RecordAccess.READ, List.of("team")).size());
        assertEquals(1, Visibility.reaches(STAFF, DataScope.PRIVATE, "t1", "u7", null, RecordAccess.WRITE, List.of()).size());
    }

    private static CallerSharing none(CallContext ctx) {
        return new CallerSharing(Visibility.principals(ctx, List.of()), List.of());
    }

    private static ShareRule rule(String sourceKind, String sourceKey, String level) {
        ShareRule rule = new ShareRule();
        rule.setSourceKind(sourceKind);
        rule.setSourceKey(sourceKey);
        rule.setTarget("A:");
        rule.setAccessLevel(level);
        return rule;
    }

    @Test(expected = IllegalArgumentException.class)
    public void theAliasMustBeAnIdentifier() {
        Visibility.filter(DEALER, "lead", false, DataScope.PRIVATE, "l or 1=1", RecordAccess.READ, none(DEALER));
    }
}
