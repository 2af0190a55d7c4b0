package dev.cdpconsole.common.db;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's one datasource. Every attribute is a MicroProfile Config key, so {@code DB_URL},
 * {@code DB_USER}, {@code DB_PASSWORD} and {@code DB_DATASOURCE_CLASS} switch between the embedded H2
 * and PostgreSQL without a rebuild.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "${MPCONFIG=db.datasource.class}",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password}",
        minPoolSize = 2,
        maxPoolSize = 20,
        properties = {"fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit"})
@ApplicationScoped
public class Database {
    public static final String JNDI_NAME = "java:app/jdbc/cdp";
}
