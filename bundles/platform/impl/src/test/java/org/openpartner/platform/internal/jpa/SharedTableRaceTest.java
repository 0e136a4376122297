package org.openpartner.platform.internal.jpa;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.junit.Test;

/**
 * Every persistence unit that maps the access model's shared tables creates them when it starts first, and units
 * start concurrently at boot: one unit may find a shared table missing and then fail to create it because another
 * unit just did. That failure broke the platform's unit for good (no admin, every login 401) in one CI boot. Here the
 * other unit wins the race deterministically: the sharing table is created just before the platform's own
 * CREATE TABLE runs, and the platform's unit must still start and work.
 */
public class SharedTableRaceTest {

    @Test
    public void theUnitStartsWhenAnotherUnitCreatesASharedTableFirst() throws SQLException {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:shared-table-race");
        derby.setCreateDatabase("create");
        AtomicBoolean raced = new AtomicBoolean();
        DataSource racing = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                Object result = invoke(derby, method, args);
                return result instanceof Connection connection ? racingConnection(derby, connection, raced) : result;
            });
        Map<String, Object> properties = new HashMap<>();
        properties.put("javax.persistence.nonJtaDataSource", racing);
        properties.put("openjpa.Log", "none");
        EntityManagerFactory emf = new PersistenceProviderImpl().createEntityManagerFactory("openpartner-platform",
            "META-INF/persistence.xml", properties);
        try {
            EntityManager em = emf.createEntityManager();
            try {
                assertTrue("the other unit created the sharing table first", raced.get());
                assertEquals(0L, (long) em.createQuery("select count(g) from ShareGrant g", Long.class).getSingleResult());
                assertEquals(0L, (long) em.createQuery("select count(u) from UserEntity u", Long.class).getSingleResult());
            } finally {
                em.close();
            }
        } finally {
            emf.close();
        }
    }

    /** A connection whose CREATE TABLE of the sharing table is preceded by the same statement on another connection. */
    private static Connection racingConnection(DataSource derby, Connection connection, AtomicBoolean raced) {
        return (Connection) Proxy.newProxyInstance(SharedTableRaceTest.class.getClassLoader(),
            new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                Object result = invoke(connection, method, args);
                if (!(result instanceof Statement statement) || !method.getName().equals("createStatement")) {
                    return result;
                }
                return Proxy.newProxyInstance(SharedTableRaceTest.class.getClassLoader(), new Class<?>[] {Statement.class},
                    (p, m, a) -> {
                        if (m.getName().equals("executeUpdate") && a != null && a[0] instanceof String sql
                            && sql.startsWith("CREATE TABLE OP_SHARE ") && raced.compareAndSet(false, true)) {
                            try (Connection other = derby.getConnection(); Statement s = other.createStatement()) {
                                s.executeUpdate(sql);
                            }
                        }
                        return invoke(statement, m, a);
                    });
            });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
