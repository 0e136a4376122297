package org.openpartner.access.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.persistence.EntityManagerFactory;

import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.awaitility.Awaitility;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.openpartner.access.api.dto.UserGroup;
import org.openpartner.access.api.dto.UserGroupInput;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.EventPublisher;
import org.openpartner.platform.api.MembershipService;
import org.openpartner.platform.api.access.jpa.ShareGrant;
import org.openpartner.platform.api.access.jpa.ShareRule;
import org.openpartner.platform.api.jpa.Transactions;

/**
 * A sharing rule naming a user group and the group's deletion cannot interleave: a rule being stored holds the
 * group's row (what {@code SharingRuleAdminImpl.create} does), so the deletion waits for it and then finds the rule
 * (409 {@code group_in_use}) instead of leaving a rule that names a deleted group.
 */
public class GroupDeletionLockTest {

    private static final CallContext STAFF = new CallContext("staff", "staff", "Staff", "t1", "t1",
        Set.of(CallContext.ROLE_CHANNEL_MANAGER), false, false);

    private EntityManagerFactory emf;

    @Before
    public void start() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("openjpa.ConnectionURL", "jdbc:derby:memory:group-lock" + System.nanoTime() + ";create=true");
        properties.put("openjpa.ConnectionDriverName", "org.apache.derby.jdbc.EmbeddedDriver");
        emf = new PersistenceProviderImpl().createEntityManagerFactory("openpartner-access-oracle",
            "META-INF/oracle-persistence.xml", properties);
    }

    @After
    public void stop() {
        emf.close();
    }

    @Test
    public void deletingAGroupWaitsForARuleBeingStoredAndThenRefuses() throws Exception {
        UserGroupAdminImpl groups = new UserGroupAdminImpl(emf, mock(MembershipService.class), mock(EventPublisher.class));
        UserGroup group = groups.create(STAFF, new UserGroupInput("East", null));
        Transactions tx = new Transactions(emf);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch store = new CountDownLatch(1);
        CompletableFuture<Void> rule = CompletableFuture.runAsync(() -> tx.inTransaction(em -> {
            assertTrue(UserGroupAdminImpl.lock(em, STAFF.tenantId(), group.id()));
            locked.countDown();
            try {
                assertTrue(store.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            ShareRule row = new ShareRule();
            row.setId("rule-1");
            row.setTenantId(STAFF.tenantId());
            row.setObjectName("oracle-record");
            row.setSourceKind(ShareRule.SOURCE_GROUP);
            row.setSourceKey(group.id());
            row.setTarget("A:");
            row.setAccessLevel(ShareGrant.READ);
            row.setCreatedAt(Instant.now());
            em.persist(row);
            return null;
        }));
        assertTrue(locked.await(30, TimeUnit.SECONDS));
        AtomicReference<Thread> deleter = new AtomicReference<>();
        CompletableFuture<String> deletion = CompletableFuture.supplyAsync(() -> {
            deleter.set(Thread.currentThread());
            try {
                groups.delete(STAFF, group.id());
                return "deleted";
            } catch (ApiException e) {
                return e.code();
            }
        });
        // The deletion waits on the group's row while the rule is not stored yet.
        Awaitility.await("the deletion waits for the group's row").atMost(Duration.ofSeconds(30))
            .until(() -> deleter.get() != null && (deleter.get().getState() == Thread.State.WAITING
                || deleter.get().getState() == Thread.State.TIMED_WAITING));
        store.countDown();
        rule.get(30, TimeUnit.SECONDS);
        assertEquals("group_in_use", deletion.get(30, TimeUnit.SECONDS));
        assertEquals("East", groups.group(STAFF, group.id()).name());
    }
}
