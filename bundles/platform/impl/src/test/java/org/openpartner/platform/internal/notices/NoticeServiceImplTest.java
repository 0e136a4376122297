package org.openpartner.platform.internal.notices;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManagerFactory;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.openpartner.platform.api.dto.Notice;
import org.openpartner.platform.api.dto.NoticeDraft;

/** Notices on a real database: each recipient's own list per tenant, newest first, paged, read once. */
public class NoticeServiceImplTest {

    private EntityManagerFactory emf;
    private NoticeServiceImpl notices;

    @Before
    public void start() {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:notices");
        derby.setCreateDatabase("create");
        Map<String, Object> properties = new HashMap<>();
        properties.put("javax.persistence.nonJtaDataSource", derby);
        properties.put("openjpa.Log", "none");
        emf = new PersistenceProviderImpl().createEntityManagerFactory("openpartner-platform", "META-INF/persistence.xml",
            properties);
        notices = new NoticeServiceImpl(emf);
    }

    @After
    public void stop() {
        emf.close();
    }

    private static CallContext user(String userId, String tenantId) {
        return new CallContext(userId, userId, userId, tenantId, tenantId, Set.of(), false, false);
    }

    @Test
    public void eachUserReadsItsOwnNoticesOfTheTenantItActsFor() {
        for (int i = 1; i <= 3; i++) {
            notices.send("acme", List.of("alice", "bob", "alice"), new NoticeDraft("pool.recycle-reminder",
                "Reminder " + i, null, "lead", "lead-" + i));
        }
        notices.send("globex", List.of("alice"), new NoticeDraft("other", "Globex's", null, null, null));

        CallContext alice = user("alice", "acme");
        Page<Notice> first = notices.list(alice, false, new PageRequest(2, null, null));
        assertEquals("one each, however often named", List.of("Reminder 3", "Reminder 2"),
            first.items().stream().map(Notice::title).toList());
        Page<Notice> second = notices.list(alice, false, new PageRequest(2, first.nextCursor(), null));
        assertEquals(List.of("Reminder 1"), second.items().stream().map(Notice::title).toList());
        assertNull(second.nextCursor());
        assertEquals(List.of("Globex's"), notices.list(user("alice", "globex"), false, new PageRequest(10, null, null))
            .items().stream().map(Notice::title).toList());

        Notice read = notices.markRead(alice, first.items().get(0).id());
        assertNotNull(read.readAt());
        assertEquals("read again: unchanged", read.readAt(), notices.markRead(alice, read.id()).readAt());
        assertEquals(List.of("Reminder 2", "Reminder 1"), notices.list(alice, true, new PageRequest(10, null, null))
            .items().stream().map(Notice::title).toList());
        for (CallContext other : List.of(user("bob", "acme"), user("alice", "globex"))) {
            try {
                notices.markRead(other, read.id());
                fail("another's notice was marked");
            } catch (ApiException e) {
                assertEquals(404, e.status());
            }
        }
    }
}
