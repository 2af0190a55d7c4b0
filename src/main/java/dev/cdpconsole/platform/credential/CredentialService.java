package dev.cdpconsole.platform.credential;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cdpconsole.api.CredentialChange;
import dev.cdpconsole.api.CredentialUsage;
import dev.cdpconsole.api.CredentialView;
import dev.cdpconsole.api.GrantRequest;
import dev.cdpconsole.api.GrantView;
import dev.cdpconsole.api.IssuedCredential;
import dev.cdpconsole.api.NewCredential;
import dev.cdpconsole.api.RegeneratedSecret;
import dev.cdpconsole.api.RegenerationHistory;
import dev.cdpconsole.api.RegenerationView;
import dev.cdpconsole.api.SecretView;
import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.common.security.Secrets;
import dev.cdpconsole.platform.audit.AuditLog;
import dev.cdpconsole.platform.auth.CallContext;
import dev.cdpconsole.platform.sandbox.SandboxStore;
import dev.cdpconsole.common.time.Times;

/**
 * The credential rules: two slots, regeneration with an optional grace period for the old secret, revocation,
 * enabling and disabling, the regeneration log, usage with age and idle flags.
 */
@ApplicationScoped
public class CredentialService {

    private static final Logger LOG = Logger.getLogger(CredentialService.class.getName());

    @Inject
    CredentialStore store;

    @Inject
    SandboxStore sandboxes;

    @Inject
    UsageRecorder usage;

    @Inject
    UsageStore usageStore;

    @Inject
    AuditLog audit;

    @Inject
    CallContext caller;

    @Inject
    Clock clock;

    @Inject
    Event<CredentialsChanged> changed;

    @Inject
    @ConfigProperty(name = "cdp.credentials.max-age-days", defaultValue = "90")
    long maxAgeDays;

    @Inject
    @ConfigProperty(name = "cdp.credentials.idle-days", defaultValue = "30")
    long idleDays;

    @Inject
    @ConfigProperty(name = "cdp.credentials.expiring-soon-hours", defaultValue = "24")
    long expiringSoonHours;

    public List<CredentialView> page(int offset, int limit) {
        return store.page(offset, limit).stream().map(this::view).toList();
    }

    public long total() {
        return store.count();
    }

    public CredentialView get(String clientId) {
        return view(find(clientId));
    }

    @Transactional
    public IssuedCredential create(NewCredential request) {
        List<Grant> grants = grants(request.getGrants());
        OffsetDateTime now = now();
        CredentialEntity credential = new CredentialEntity("cdp-" + Secrets.random(15), request.getName().strip(),
                blankToNull(request.getDescription()), null, caller.actor(), now);
        credential.replaceGrants(grants);
        store.add(credential);
        String primary = Secrets.random(32);
        String secondary = Secrets.random(32);
        store.add(new SecretEntity(credential.id, Slot.PRIMARY, Secrets.sha256(primary), now));
        store.add(new SecretEntity(credential.id, Slot.SECONDARY, Secrets.sha256(secondary), now));
        audit.record("credential.create", null, credential.clientId, "name=" + credential.name + ", grants="
                + describe(grants));
        return new IssuedCredential(view(credential), primary, secondary);
    }

    /** Creates or repairs a credential the server manages (the console's, the bootstrap one): admin everywhere. */
    @Transactional
    public void ensureSystem(String clientId, String secret, String kind, String name) {
        OffsetDateTime now = now();
        CredentialEntity credential = store.findByClientId(clientId).orElse(null);
        if (credential == null) {
            credential = new CredentialEntity(clientId, name, "Managed by the server", kind, "system", now);
            credential.replaceGrants(List.of(new Grant(Grant.EVERY_SANDBOX, "admin")));
            store.add(credential);
            audit.recordSystem("credential.create", null, clientId, "managed by the server (" + kind + ")");
            LOG.info(() -> "Created the " + kind + " API credential " + clientId);
        }
        if (!credential.enabled) {
            credential.setEnabled(true);
        }
        String hash = Secrets.sha256(secret);
        List<SecretEntity> primaries = store.secrets(credential.id).stream()
                .filter(s -> Slot.PRIMARY.id().equals(s.slot) && s.isValidAt(now)).toList();
        if (primaries.stream().noneMatch(s -> Secrets.constantTimeEquals(s.secretHash, hash))) {
            primaries.forEach(s -> {
                s.revoke(now);
                store.dropTokens(s.id);
            });
            store.add(new SecretEntity(credential.id, Slot.PRIMARY, hash, now));
        }
    }

    @Transactional
    public CredentialView change(String clientId, CredentialChange change) {
        CredentialEntity credential = lock(clientId);
        List<String> what = new ArrayList<>();
        if (change.getEnabled() != null && change.getEnabled() != credential.enabled) {
            refuseIfSystem(credential, "disabled");
            credential.setEnabled(change.getEnabled());
            what.add(change.getEnabled() ? "enabled" : "disabled");
        }
        if (change.getName() != null || change.getDescription() != null) {
            String name = change.getName() == null ? credential.name : requireText(change.getName(), "name");
            String description = change.getDescription() == null ? credential.description
                    : blankToNull(change.getDescription());
            credential.describe(name, description);
            what.add("name=" + name);
        }
        if (change.getGrants() != null) {
            refuseIfSystem(credential, "given other grants");
            List<Grant> grants = grants(change.getGrants());
            credential.replaceGrants(grants);
            what.add("grants=" + describe(grants));
        }
        if (!what.isEmpty()) {
            audit.record(change.getEnabled() != null && what.size() == 1 ? "credential." + what.get(0)
                    : "credential.change", null, clientId, String.join(", ", what));
        }
        return view(credential);
    }

    @Transactional
    public void delete(String clientId) {
        CredentialEntity credential = lock(clientId);
        refuseIfSystem(credential, "deleted");
        store.remove(credential);
        audit.record("credential.delete", null, clientId, "name=" + credential.name);
    }

    @Transactional
    public RegeneratedSecret regenerate(String clientId, String slotId, String reason, int graceHours) {
        CredentialEntity credential = lock(clientId);
        Slot slot = slot(slotId);
        refuseIfSystem(credential, "regenerated through the API");
        if (!credential.enabled) {
            throw ProblemException.conflict("credential-disabled",
                    "The credential " + clientId + " is disabled; enable it before regenerating a secret");
        }
        OffsetDateTime now = now();
        OffsetDateTime oldExpiry = now.plusHours(graceHours);
        for (SecretEntity old : validSecrets(credential, slot, now)) {
            if (graceHours == 0) {
                old.revoke(now);
                store.dropTokens(old.id);
            } else if (old.expiresAt == null || old.expiresAt.isAfter(oldExpiry)) {
                old.expireAt(oldExpiry);
            }
        }
        String secret = Secrets.random(32);
        store.add(new SecretEntity(credential.id, slot, Secrets.sha256(secret), now));
        RegenerationEntity entry = new RegenerationEntity(credential.id, slot, caller.actor(), now, reason.strip(),
                graceHours, graceHours == 0 ? now : oldExpiry);
        store.add(entry);
        audit.record("credential.regenerate", null, clientId, "slot=" + slot.id() + ", graceHours=" + graceHours
                + ", reason=" + reason.strip());
        return new RegeneratedSecret(clientId, slot.id(), secret, view(entry));
    }

    @Transactional
    public CredentialView revoke(String clientId, String slotId) {
        CredentialEntity credential = lock(clientId);
        Slot slot = slot(slotId);
        refuseIfSystem(credential, "revoked through the API");
        OffsetDateTime now = now();
        List<SecretEntity> valid = validSecrets(credential, slot, now);
        for (SecretEntity secret : valid) {
            secret.revoke(now);
            store.dropTokens(secret.id);
        }
        audit.record("credential.revoke", null, clientId, "slot=" + slot.id() + ", secrets revoked=" + valid.size());
        return view(credential);
    }

    public RegenerationHistory history(String clientId) {
        CredentialEntity credential = find(clientId);
        return new RegenerationHistory(clientId, store.regenerations(credential.id).stream().map(this::view).toList());
    }

    public CredentialUsage usage(String clientId, int days) {
        CredentialEntity credential = find(clientId);
        LocalDate today = now().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        LocalDate from = today.minusDays(days - 1L);
        Map<LocalDate, Long> stored = usageStore.calls(credential.id, from);
        List<CredentialUsage.Day> daily = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            daily.add(new CredentialUsage.Day(day.toString(),
                    stored.getOrDefault(day, 0L) + usage.pendingCalls(credential.id, day)));
        }
        return new CredentialUsage(clientId, secretViews(credential), daily);
    }

    private CredentialEntity find(String clientId) {
        return store.findByClientId(clientId).orElseThrow(CredentialService::unknown);
    }

    /** The credential, locked for a change; the change is announced so that remembered callers are dropped. */
    private CredentialEntity lock(String clientId) {
        CredentialEntity credential = store.lockByClientId(clientId).orElseThrow(CredentialService::unknown);
        changed.fire(new CredentialsChanged(clientId));
        return credential;
    }

    private static ProblemException unknown() {
        return ProblemException.notFound("credential-not-found", "No such credential");
    }

    private static Slot slot(String slotId) {
        return Slot.of(slotId).orElseThrow(() -> ProblemException.notFound("slot-not-found",
                "No secret slot named " + slotId + "; the slots are primary and secondary"));
    }

    private static void refuseIfSystem(CredentialEntity credential, String what) {
        if (credential.isSystem()) {
            throw ProblemException.conflict("credential-managed", "The " + credential.systemKind
                    + " credential is managed by the server's settings and cannot be " + what);
        }
    }

    private List<SecretEntity> validSecrets(CredentialEntity credential, Slot slot, OffsetDateTime now) {
        return store.secrets(credential.id).stream().filter(s -> slot.id().equals(s.slot) && s.isValidAt(now))
                .toList();
    }

    private List<Grant> grants(List<GrantRequest> requested) {
        Map<String, Grant> bySandbox = new LinkedHashMap<>();
        for (GrantRequest grant : requested) {
            String sandbox = grant.getSandbox().strip();
            if (!Grant.EVERY_SANDBOX.equals(sandbox) && !sandboxes.isUsable(sandbox)) {
                throw new ProblemException(400, "grant-sandbox-unknown", "Invalid request",
                        "grants: no sandbox named " + sandbox, Map.of("fields", Map.of("grants", "no sandbox named " + sandbox)));
            }
            if (bySandbox.put(sandbox, new Grant(sandbox, grant.getRole())) != null) {
                throw ProblemException.badRequest("grant-duplicate", "grants: the sandbox " + sandbox + " is named twice");
            }
        }
        return List.copyOf(bySandbox.values());
    }

    private static String describe(List<Grant> grants) {
        return String.join(" ", grants.stream().map(g -> g.sandbox() + ":" + g.role()).toList());
    }

    private static String requireText(String value, String field) {
        if (value.isBlank()) {
            throw ProblemException.badRequest("validation-failed", field + " must not be blank");
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    CredentialView view(CredentialEntity c) {
        return new CredentialView(c.clientId, c.name, c.description, c.enabled, c.systemKind, Times.iso(c.createdAt),
                c.createdBy, c.grants.stream().map(g -> new GrantView(g.sandbox(), g.role())).toList(),
                secretViews(c));
    }

    /** Every valid secret of both slots, and for a slot without one, its latest (revoked or expired) secret. */
    private List<SecretView> secretViews(CredentialEntity credential) {
        OffsetDateTime now = now();
        List<SecretEntity> all = store.secrets(credential.id);
        List<SecretView> views = new ArrayList<>();
        for (Slot slot : Slot.values()) {
            List<SecretEntity> ofSlot = all.stream().filter(s -> slot.id().equals(s.slot))
                    .sorted(Comparator.comparing((SecretEntity s) -> s.createdAt).reversed()).toList();
            List<SecretEntity> valid = ofSlot.stream().filter(s -> s.isValidAt(now)).toList();
            (valid.isEmpty() ? ofSlot.stream().limit(1).toList() : valid).forEach(s -> views.add(view(s, now)));
        }
        return views;
    }

    private SecretView view(SecretEntity s, OffsetDateTime now) {
        long pending = usage.pendingUses(s.id);
        OffsetDateTime pendingLast = usage.pendingLastUse(s.id);
        OffsetDateTime lastUsed = pendingLast != null && (s.lastUsedAt == null || pendingLast.isAfter(s.lastUsedAt))
                ? pendingLast : s.lastUsedAt;
        String state = s.revokedAt != null ? "revoked"
                : s.expiresAt != null && !s.expiresAt.isAfter(now) ? "expired"
                : s.expiresAt != null ? "expiring" : "active";
        long ageDays = Duration.between(s.createdAt, now).toDays();
        List<String> flags = new ArrayList<>();
        if ("active".equals(state) || "expiring".equals(state)) {
            if (ageDays > maxAgeDays) {
                flags.add("too-old");
            }
            OffsetDateTime lastActivity = lastUsed == null ? s.createdAt : lastUsed;
            if (Duration.between(lastActivity, now).toDays() >= idleDays) {
                flags.add("idle");
            }
            if (s.expiresAt != null && !s.expiresAt.isAfter(now.plusHours(expiringSoonHours))) {
                flags.add("expiring-soon");
            }
        }
        return new SecretView(s.slot, state, Times.iso(s.createdAt), Times.iso(s.expiresAt), Times.iso(s.revokedAt), Times.iso(lastUsed),
                s.useCount + pending, ageDays, List.copyOf(flags));
    }

    private RegenerationView view(RegenerationEntity r) {
        return new RegenerationView(r.slot, r.actor, Times.iso(r.occurredAt), r.reason, r.graceHours, Times.iso(r.oldExpiresAt));
    }
}
