package org.openpartner.platform.internal.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.openjpa.persistence.OpenJPAEntityManager;
import org.apache.openjpa.persistence.OpenJPAPersistence;
import org.openpartner.platform.api.EventPublisher;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.dto.DomainEvent;
import org.osgi.service.component.annotations.Component;

/**
 * Writes events into the outbox table, and a tenant's events into its audit trail, with plain JDBC on the caller's
 * own transaction connection. Each capability keeps its own persistence unit; this is what lets an event and its
 * audit entry commit atomically with a change made through any of them (docs/architecture.md, "Events"). The audit
 * entry so exists whether or not the event is ever delivered (a parked event is still audited).
 */
@Component(service = EventPublisher.class)
public class OutboxEventPublisher implements EventPublisher {

    static final String INSERT = "INSERT INTO OP_OUTBOX (EVENT_ID, EVENT_TYPE, TENANT_ID, AGGREGATE_TYPE, AGGREGATE_ID, "
        + "ACTOR_USER_ID, SUMMARY, DATA_JSON, OCCURRED_AT, ATTEMPTS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
    static final String AUDIT = "INSERT INTO OP_AUDIT (EVENT_ID, EVENT_TYPE, TENANT_ID, AGGREGATE_TYPE, AGGREGATE_ID, "
        + "ACTOR_USER_ID, SUMMARY, DATA_JSON, OCCURRED_AT, RECORDED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void publish(EntityManager em, DomainEvent event) {
        publishAll(em, List.of(event));
    }

    @Override
    public void publishAll(EntityManager em, List<DomainEvent> events) {
        if (!em.getTransaction().isActive()) {
            throw new IllegalStateException("events are published inside the transaction of the change they describe");
        }
        if (events.isEmpty()) {
            return;
        }
        // Flushing writes the change on the transaction's connection; with nothing to flush yet (an event
        // published before the delete it describes), the database transaction is begun here instead.
        OpenJPAEntityManager openjpa = OpenJPAPersistence.cast(em);
        openjpa.flush();
        if (!openjpa.isStoreActive()) {
            openjpa.beginStore();
        }
        Connection connection = (Connection) openjpa.getConnection();
        try {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("no database transaction is open on the entity manager");
            }
            Timestamp now = Timestamp.from(Instant.now());
            boolean audited = false;
            try (PreparedStatement outbox = connection.prepareStatement(INSERT);
                 PreparedStatement audit = connection.prepareStatement(AUDIT)) {
                for (DomainEvent event : events) {
                    String id = Ids.newId();
                    String data = json.writeValueAsString(event.data());
                    bind(outbox, id, event, data, now);
                    outbox.addBatch();
                    if (event.tenantId() != null) {
                        bind(audit, id, event, data, now);
                        audit.setTimestamp(10, now);
                        audit.addBatch();
                        audited = true;
                    }
                }
                outbox.executeBatch();
                if (audited) {
                    audit.executeBatch();
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new PersistenceException("could not write the events to the outbox", e);
        } finally {
            try {
                connection.close(); // releases OpenJPA's handle; the transaction's connection stays open
            } catch (SQLException e) {
                throw new PersistenceException("could not release the outbox connection handle", e);
            }
        }
    }

    /** The nine columns the outbox and the audit trail share, in the order of both INSERTs. */
    private static void bind(PreparedStatement insert, String id, DomainEvent event, String data, Timestamp now)
            throws SQLException {
        insert.setString(1, id);
        insert.setString(2, event.type());
        insert.setString(3, event.tenantId());
        insert.setString(4, event.aggregateType());
        insert.setString(5, event.aggregateId());
        insert.setString(6, event.actorUserId());
        insert.setString(7, truncate(event.summary(), 500));
        insert.setString(8, data);
        insert.setTimestamp(9, now);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
