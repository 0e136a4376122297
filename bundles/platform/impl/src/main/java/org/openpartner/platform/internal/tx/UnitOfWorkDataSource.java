package org.openpartner.platform.internal.tx;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Supplier;
import java.util.logging.Logger;

import javax.persistence.PersistenceException;
import javax.sql.DataSource;

import org.openpartner.platform.api.jpa.UnitOfWork;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.LoggerFactory;

/**
 * The data source every OpenPartner persistence unit uses. Outside a unit of work it is the pooled
 * {@code openpartner} data source itself. Inside one, the first connection asked for on the thread is bound to
 * the unit and every later request gets a handle on it whose {@code commit}, {@code close} and
 * {@code setAutoCommit} do nothing and whose {@code rollback} marks the unit for rollback; the unit commits or
 * rolls back the real connection once, at its end. This is what Spring calls a transaction-aware data source
 * proxy; it gives atomic writes across persistence units without JTA (see docs/architecture.md).
 */
@Component(service = {DataSource.class, UnitOfWork.class},
           property = "osgi.jndi.service.name=" + UnitOfWork.DATA_SOURCE_NAME)
public class UnitOfWorkDataSource implements DataSource, UnitOfWork {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(UnitOfWorkDataSource.class);

    private final DataSource pool;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    @Activate
    public UnitOfWorkDataSource(@Reference(target = "(osgi.jndi.service.name=openpartner)") DataSource pool) {
        this.pool = pool;
    }

    /** The state of one unit of work: its connection, once one was asked for, and whether it must roll back. */
    static final class Unit {
        Connection physical;
        boolean rollbackOnly;
    }

    @Override
    public <T> T inUnit(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Unit unit = new Unit();
        current.set(unit);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            current.remove();
            end(unit, false, e);
            throw e;
        }
        current.remove();
        end(unit, !unit.rollbackOnly, null);
        if (unit.rollbackOnly) {
            throw new PersistenceException("a transaction inside the unit of work rolled back; nothing was written");
        }
        return result;
    }

    @Override
    public boolean inUnit() {
        return current.get() != null;
    }

    private void end(Unit unit, boolean commit, Throwable failure) {
        Connection connection = unit.physical;
        if (connection == null) {
            return;
        }
        try {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                closeQuietly(connection);
                throw new PersistenceException("could not " + (commit ? "commit" : "roll back") + " the unit of work", e);
            }
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.setAutoCommit(true);
            connection.close();
        } catch (SQLException e) {
            LOG.warn("could not return a unit-of-work connection to the pool: {}", e.getMessage());
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Unit unit = current.get();
        if (unit == null) {
            return pool.getConnection();
        }
        if (unit.physical == null) {
            Connection connection = pool.getConnection();
            connection.setAutoCommit(false);
            unit.physical = connection;
        }
        return handle(unit);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        if (current.get() != null) {
            throw new SQLFeatureNotSupportedException("a unit of work uses the data source's own credentials");
        }
        return pool.getConnection(username, password);
    }

    /** A handle on the unit's connection that leaves transaction control to the unit. */
    private static Connection handle(Unit unit) {
        InvocationHandler handler = new InvocationHandler() {
            private boolean closed;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "close":
                        closed = true;
                        return null;
                    case "isClosed":
                        return closed;
                    case "commit":
                    case "setAutoCommit":
                        return null;
                    case "getAutoCommit":
                        return false;
                    case "rollback":
                        if (args == null || args.length == 0) {
                            unit.rollbackOnly = true;
                            return null;
                        }
                        break;
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    default:
                        break;
                }
                if (closed) {
                    throw new SQLException("connection handle is closed");
                }
                try {
                    return method.invoke(unit.physical, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(UnitOfWorkDataSource.class.getClassLoader(),
            new Class<?>[] {Connection.class}, handler);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool.isWrapperFor(iface);
    }
}
