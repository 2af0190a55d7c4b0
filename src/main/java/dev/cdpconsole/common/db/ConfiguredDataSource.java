package dev.cdpconsole.common.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The class the application server's pool is given for the one datasource: it reads {@code db.datasource.class},
 * {@code db.url}, {@code db.user} and {@code db.password} from MicroProfile Config when the pool first asks for a
 * connection, and hands out the connections of that driver's own {@link DataSource}.
 * <p>
 * So the settings keep their defaults and environment overrides on every server: placeholders inside
 * {@code @DataSourceDefinition} are resolved differently by each ({@code ${MPCONFIG=…}} on Payara, {@code ${env.…}}
 * with an extra subsystem switch on WildFly), and here there are none.
 */
public class ConfiguredDataSource implements DataSource {

    private volatile DataSource target;
    private String settingsPrefix = "db";
    private PrintWriter logWriter;
    private int loginTimeout;

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    /**
     * WildFly's pool asks with a null user when the definition names none: that means the configured one (the
     * driver would take the null for "no user"; PostgreSQL then refuses the connection).
     */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        if (username == null || username.isBlank()) {
            return target().getConnection();
        }
        return target().getConnection(username, password);
    }

    /**
     * The prefix of the four MicroProfile Config keys ({@code db}: {@code db.url}, …), set by the server from the
     * {@code @DataSourceDefinition} properties (WildFly requires at least one property of a datasource class).
     */
    public void setSettingsPrefix(String prefix) {
        this.settingsPrefix = prefix;
    }

    public String getSettingsPrefix() {
        return settingsPrefix;
    }

    private DataSource target() throws SQLException {
        DataSource ready = target;
        if (ready == null) {
            synchronized (this) {
                if (target == null) {
                    target = configured();
                }
                ready = target;
            }
        }
        return ready;
    }

    private DataSource configured() throws SQLException {
        ClassLoader loader = ConfiguredDataSource.class.getClassLoader();
        Config config = ConfigProvider.getConfig(loader);
        String className = config.getValue(settingsPrefix + ".datasource.class", String.class).strip();
        try {
            Object made = Class.forName(className, true, loader).getConstructor().newInstance();
            if (!(made instanceof DataSource dataSource)) {
                throw new SQLException(settingsPrefix + ".datasource.class " + className + " is not a javax.sql.DataSource");
            }
            set(made, config.getValue(settingsPrefix + ".url", String.class), "setUrl", "setURL");
            config.getOptionalValue(settingsPrefix + ".user", String.class).ifPresent(user -> set(made, user, "setUser"));
            config.getOptionalValue(settingsPrefix + ".password", String.class)
                    .ifPresent(secret -> set(made, secret, "setPassword"));
            if (loginTimeout > 0) {
                dataSource.setLoginTimeout(loginTimeout);
            }
            return dataSource;
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new SQLException(settingsPrefix + ".datasource.class " + className + " cannot be made: " + e, e);
        }
    }

    /** Calls the first of the named one-string setters the class has. */
    private static void set(Object target, String value, String... setters) {
        for (String setter : setters) {
            try {
                Method method = target.getClass().getMethod(setter, String.class);
                method.invoke(target, value);
                return;
            } catch (NoSuchMethodException e) {
                // try the next spelling
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException(setter + " failed on " + target.getClass().getName(), e);
            }
        }
        throw new IllegalArgumentException(target.getClass().getName() + " has none of " + String.join(", ", setters));
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the driver's own DataSource logs");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : target().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target().isWrapperFor(type);
    }
}
