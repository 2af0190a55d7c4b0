package dev.cdpconsole.common.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date at start, before anything uses JPA. The same migration files
 * ({@code db/migration}) run on H2 and PostgreSQL; PostgreSQL also runs its own ({@code db/postgresql}: storage
 * settings H2 has no words for). Their versions are one sequence, so each number is used in one folder only.
 * The migrations are the only way the schema changes.
 */
@ApplicationScoped
public class Migrations {

    /** Observers of {@link Startup} that need the schema run after this priority. */
    public static final int PRIORITY = 100;

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    void migrate(@Observes @Priority(PRIORITY) Startup startup) {
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(postgres() ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                        : new String[] {"classpath:db/migration"})
                .load();
        MigrateResult result = flyway.migrate();
        MigrationInfo current = flyway.info().current();
        LOG.info(() -> "Database schema at version " + (current == null ? "none" : current.getVersion()) + " ("
                + result.migrationsExecuted + " migrations applied now)");
    }

    private boolean postgres() {
        try (Connection connection = dataSource.getConnection()) {
            return Database.isPostgres(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached: " + e.getMessage(), e);
        }
    }
}
