package org.openpartner.access.internal;

import static org.junit.Assert.assertEquals;

import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.access.DataScope;
import org.openpartner.platform.api.access.RecordAccess;
import org.openpartner.platform.api.access.VisibilityFilter;

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
            VisibilityFilter filter = Visibility.filter(DEALER, (DataScope) c[0], "l", (RecordAccess) c[1]);
            assertEquals(c[0] + " " + c[1], c[2], filter.jpql());
            assertEquals("t1", filter.parameters().get("opAccTenant"));
            assertEquals("u1", filter.parameters().get("opAccUser"));
            assertEquals(c[0] + " " + c[1], ((String) c[2]).contains(":opAccCompany") ? "c1" : null,
                filter.parameters().get("opAccCompany"));
        }
    }

    @Test
    public void channelStaffReachTheirWholeTenantAndNothingElse() {
        VisibilityFilter filter = Visibility.filter(STAFF, DataScope.PRIVATE, "l", RecordAccess.WRITE);
        assertEquals("l.tenantId = :opAccTenant", filter.jpql());
        assertEquals(Map.of("opAccTenant", "t1"), filter.parameters());
    }

    @Test
    public void otherEmployeesReachTheirOwnRecordsWhateverTheScope() {
        assertEquals(OWN, Visibility.filter(CLERK, DataScope.PUBLIC_READ_WRITE, "l", RecordAccess.READ).jpql());
    }

    @Test
    public void aCallerOfNeitherKindReachesNothing() {
        assertEquals("l.tenantId = :opAccTenant and l.id is null",
            Visibility.filter(OTHER_TENANTS_EMPLOYEE, DataScope.PUBLIC_READ_WRITE, "l", RecordAccess.READ).jpql());
    }

    @Test(expected = IllegalArgumentException.class)
    public void theAliasMustBeAnIdentifier() {
        Visibility.filter(DEALER, DataScope.PRIVATE, "l or 1=1", RecordAccess.READ);
    }
}
