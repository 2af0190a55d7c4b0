package dev.cdpconsole.common.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's one datasource. Its class reads the MicroProfile Config keys {@code db.datasource.class},
 * {@code db.url}, {@code db.user} and {@code db.password} ({@code DB_URL}, … in the environment), which switch
 * between the embedded H2 and PostgreSQL without a rebuild, the same way on Payara and on WildFly.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "dev.cdpconsole.common.db.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 20,
        properties = {"settingsPrefix=db",
                // Payara: a connection is checked before it is handed out, at most once in 10 s (a check on every
                // hand-out cost a lookup about 2 % of its time); WildFly ignores these
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit",
                "fish.payara.validate-atmost-once-period-in-seconds=10"})
@ApplicationScoped
public class Database {
    public static final String JNDI_NAME = "java:app/jdbc/cdp";

    /** Whether the connection is to PostgreSQL (the other database is the embedded H2). */
    public static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }
}
