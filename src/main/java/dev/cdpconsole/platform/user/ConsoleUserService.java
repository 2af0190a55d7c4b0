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

import dev.cdpconsole.api.ConsoleUserChange;
import dev.cdpconsole.api.ConsoleUserView;
import dev.cdpconsole.api.PasswordCheck;
import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.common.security.Secrets;
import dev.cdpconsole.platform.audit.AuditLog;
import dev.cdpconsole.common.time.Times;

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

    static final List<String> ROLES = List.of("ADMIN", "MARKETER", "AGENT");

    public List<ConsoleUserView> list() {
        return em.createNamedQuery("ConsoleUser.list", ConsoleUserEntity.class).getResultList().stream()
                .map(ConsoleUserService::view).toList();
    }

    @Transactional
    public ConsoleUserView create(String login, String password, List<String> roles) {
        List<String> checked = roles(roles);
        if (find(login).isPresent()) {
            throw ProblemException.conflict("user-exists", "A console user named " + login + " already exists");
        }
        ConsoleUserEntity user = new ConsoleUserEntity(login, hash.generate(password.toCharArray()), checked,
                OffsetDateTime.now(clock));
        em.persist(user);
        em.flush();
        audit.record("user.create", null, login, "roles=" + String.join(",", checked));
        return view(user);
    }

    @Transactional
    public ConsoleUserView change(String login, ConsoleUserChange change) {
        ConsoleUserEntity user = find(login)
                .orElseThrow(() -> ProblemException.notFound("user-not-found", "No console user named " + login));
        List<String> what = new java.util.ArrayList<>();
        if (change.getPassword() != null) {
            user.changePassword(hash.generate(change.getPassword().toCharArray()));
            what.add("password reset");
        }
        if (change.getRoles() != null) {
            user.changeRoles(roles(change.getRoles()));
            what.add("roles=" + String.join(",", user.roleList()));
        }
        if (change.getEnabled() != null && change.getEnabled() != user.enabled) {
            user.setEnabled(change.getEnabled());
            what.add(change.getEnabled() ? "enabled" : "disabled");
        }
        em.flush();
        if (em.createNamedQuery("ConsoleUser.countEnabledAdmins", Long.class).getSingleResult() == 0) {
            throw ProblemException.conflict("last-admin", "The console needs at least one enabled ADMIN user");
        }
        if (!what.isEmpty()) {
            audit.record("user.change", null, login, String.join(", ", what));
        }
        return view(user);
    }

    private Optional<ConsoleUserEntity> find(String login) {
        return em.createNamedQuery("ConsoleUser.findByLogin", ConsoleUserEntity.class).setParameter("login", login)
                .getResultStream().findFirst();
    }

    private static List<String> roles(List<String> requested) {
        List<String> roles = requested.stream().map(r -> r == null ? "" : r.strip().toUpperCase(java.util.Locale.ROOT))
                .distinct().toList();
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw ProblemException.badRequest("role-unknown", "roles: " + role + " is not ADMIN, MARKETER or AGENT");
            }
        }
        return roles;
    }

    private static ConsoleUserView view(ConsoleUserEntity u) {
        return new ConsoleUserView(u.login, u.roleList(), u.enabled,
                Times.iso(u.createdAt));
    }

    /** Whether the password is right for an enabled user; an unknown login costs the same time as a wrong password. */
    public PasswordCheck verify(String login, String password) {
        Optional<ConsoleUserEntity> user = find(login);
        String stored = user.map(u -> u.passwordHash).orElse(decoy);
        boolean matches = hash.verify(password.toCharArray(), stored);
        if (user.isPresent() && user.get().enabled && matches) {
            return new PasswordCheck(login, true, user.get().roleList());
        }
        return new PasswordCheck(login, false, List.of());
    }
}
