package org.openpartner.platform.internal.tx;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.persistence.PersistenceException;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Before;
import org.junit.Test;

/** Two "persistence units" (two connection users) writing inside one unit commit or roll back together. */
public class UnitOfWorkDataSourceTest {

    private EmbeddedDataSource derby;
    private UnitOfWorkDataSource unitOfWork;

    @Before
    public void setUp() throws SQLException {
        derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:uow" + System.nanoTime());
        derby.setCreateDatabase("create");
        try (Connection c = derby.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE T (V VARCHAR(10))");
        }
        unitOfWork = new UnitOfWorkDataSource(derby);
    }

    /** What a resource-local EntityManager does with its connection: autocommit off, write, commit, close. */
    private void writeAsPersistenceUnit(String value, boolean commit) {
        try (Connection c = unitOfWork.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO T VALUES ('" + value + "')");
            }
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int rows() throws SQLException {
        try (Connection c = derby.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM T")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    public void writesOfTwoUnitsCommitTogether() throws SQLException {
        unitOfWork.inUnit(() -> {
            writeAsPersistenceUnit("a", true);
            writeAsPersistenceUnit("b", true);
            assertTrue(unitOfWork.inUnit());
            return null;
        });
        assertEquals(2, rows());
        assertFalse(unitOfWork.inUnit());
    }

    @Test
    public void aFailureAfterAnInnerCommitRollsEverythingBack() throws SQLException {
        assertThrows(IllegalArgumentException.class, () -> unitOfWork.inUnit(() -> {
            writeAsPersistenceUnit("a", true);
            throw new IllegalArgumentException("second unit refuses");
        }));
        assertEquals(0, rows());
    }

    @Test
    public void anInnerRollbackRollsTheUnitBack() throws SQLException {
        assertThrows(PersistenceException.class, () -> unitOfWork.inUnit(() -> {
            writeAsPersistenceUnit("a", true);
            writeAsPersistenceUnit("b", false);
            return null;
        }));
        assertEquals(0, rows());
    }

    @Test
    public void nestedUnitsJoinTheOuterOne() throws SQLException {
        assertThrows(IllegalStateException.class, () -> unitOfWork.inUnit(() -> {
            unitOfWork.inUnit(() -> {
                writeAsPersistenceUnit("inner", true);
                return null;
            });
            throw new IllegalStateException("outer fails after the inner unit returned");
        }));
        assertEquals(0, rows());
    }

    @Test
    public void outsideAUnitConnectionsAreThePoolsOwn() throws SQLException {
        writeAsPersistenceUnit("x", true);
        assertEquals(1, rows());
    }
}
