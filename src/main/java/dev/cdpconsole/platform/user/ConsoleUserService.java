package dev.cdpconsole.platform.user;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.api.PasswordCheck;
import dev.cdpconsole.common.security.Secrets;
import dev.cdpconsole.platform.audit.AuditLog;

/** Console users and their passwords. */
@ApplicationScoped
public class ConsoleUserService {

    private static final Logger LOG = Logger.getLogger(ConsoleUserService.class.getName());
    static final String ADMIN_LOGIN = "admin";

    @PersistenceContext(unitName = "cdp")
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cdp.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "cdp.password.iterations", defaultValue = "210000")
    int iterations;

    /** A hash of a random password, checked when the login is unknown so that both cases take as long. */
    private String decoy;

    @PostConstruct
    void init() {
        hash.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = hash.generate(Secrets.random(16).toCharArray());
    }

    /** On the first start, creates {@code admin} with {@code CDP_ADMIN_PASSWORD} or a random password logged once. */
    @Transactional
    public void ensureAdmin() {
        if (em.createNamedQuery("ConsoleUser.count", Long.class).getSingleResult() > 0) {
            return;
        }
        String password = adminPassword.filter(p -> !p.isBlank()).orElse(null);
        if (password == null) {
            String generated = Secrets.random(15);
            password = generated;
            LOG.warning(() -> "First start: created console user 'admin' with password " + generated
                    + " (shown once; change it after signing in, or set CDP_ADMIN_PASSWORD before the first start)");
        } else {
            LOG.info("First start: created console user 'admin' with the password from CDP_ADMIN_PASSWORD");
        }
        em.persist(new ConsoleUserEntity(ADMIN_LOGIN, hash.generate(password.toCharArray()), List.of("ADMIN"),
                OffsetDateTime.now(clock)));
        audit.recordSystem("user.create", null, ADMIN_LOGIN, "roles=ADMIN (first start)");
    }

    /** Whether the password is right for an enabled user; an unknown login costs the same time as a wrong password. */
    public PasswordCheck verify(String login, String password) {
        Optional<ConsoleUserEntity> user = em.createNamedQuery("ConsoleUser.findByLogin", ConsoleUserEntity.class)
                .setParameter("login", login).getResultStream().findFirst();
        String stored = user.map(u -> u.passwordHash).orElse(decoy);
        boolean matches = hash.verify(password.toCharArray(), stored);
        if (user.isPresent() && user.get().enabled && matches) {
            return new PasswordCheck(login, true, user.get().roleList());
        }
        return new PasswordCheck(login, false, List.of());
    }
}
