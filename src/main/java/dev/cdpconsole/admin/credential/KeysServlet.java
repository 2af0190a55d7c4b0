package dev.cdpconsole.admin.credential;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.cdpconsole.admin.console.ConsolePages;
import dev.cdpconsole.admin.console.OneTimeForms;
import dev.cdpconsole.admin.console.PlatformException;
import dev.cdpconsole.admin.sandbox.SandboxConsoleService;
import dev.cdpconsole.api.CredentialUsage;
import dev.cdpconsole.api.CredentialView;
import dev.cdpconsole.api.IssuedCredential;
import dev.cdpconsole.api.RegeneratedSecret;

/**
 * The Keys pages ({@code /console/keys}, admins): credentials with the state of both slots, creation with the
 * one-time reveal of its secrets, and per credential regeneration (confirmed, with a reason and a grace period,
 * once per form), revocation, disabling, deletion, the regeneration log and a chart of calls per day.
 */
@WebServlet(name = "keys", urlPatterns = "/console/keys/*")
public class KeysServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String BASE = "/console/keys";
    private static final String REVEAL = "cdp.reveal";
    static final List<Integer> GRACE_CHOICES = List.of(0, 1, 24, 72, 168);

    @Inject
    KeyConsoleService keys;

    @Inject
    SandboxConsoleService sandboxes;

    @Inject
    ConsolePages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] route = ConsolePages.route(request);
        if (route.length == 0) {
            list(request, response, Map.of("role", "read"), List.of(), Map.of());
        } else if (route.length == 1) {
            detail(request, response, route[0]);
        } else if (route.length == 2 && "regenerate".equals(route[1])) {
            confirmRegeneration(request, response, route[0], slot(request), Map.of("graceHours", "24"), Map.of());
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] route = ConsolePages.route(request);
        if (route.length == 0) {
            create(request, response);
            return;
        }
        if (route.length != 2) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String clientId = route[0];
        switch (route[1]) {
            case "regenerate" -> regenerate(request, response, clientId);
            case "revoke" -> {
                keys.revoke(clientId, slot(request));
                done(request, response, clientId, "keys.flash.revoked", slot(request));
            }
            case "enabled" -> {
                boolean enabled = "true".equals(request.getParameter("enabled"));
                keys.setEnabled(clientId, enabled);
                done(request, response, clientId, enabled ? "keys.flash.enabled" : "keys.flash.disabled", clientId);
            }
            case "delete" -> {
                keys.delete(clientId);
                pages.flash(request, "keys.flash.deleted", clientId);
                pages.redirect(request, response, BASE);
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response, Map<String, String> form,
            List<String> chosen, Map<String, String> errors) throws IOException {
        pages.render(request, response, "credential/list", Map.of("credentials", keys.all(),
                "sandboxes", sandboxes.usable(), "form", form, "chosen", chosen, "errors", errors,
                "every", "*"));
    }

    private void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> form = new HashMap<>();
        form.put("name", trimmed(request, "name"));
        form.put("description", trimmed(request, "description"));
        form.put("role", trimmed(request, "role"));
        List<String> chosen = request.getParameterValues("sandbox") == null ? List.of()
                : Arrays.stream(request.getParameterValues("sandbox")).map(String::strip).distinct().toList();
        try {
            IssuedCredential issued = keys.create(form.get("name"), form.get("description"), chosen, form.get("role"));
            Map<String, String> secrets = new LinkedHashMap<>();
            secrets.put("primary", issued.primarySecret());
            secrets.put("secondary", issued.secondarySecret());
            reveal(request, issued.credential().clientId(), secrets);
            done(request, response, issued.credential().clientId(), "keys.flash.created", issued.credential().name());
        } catch (PlatformException e) {
            if (e.status() != 400) {
                throw e;
            }
            response.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>();
            e.fieldErrors().keySet().forEach(field -> errors.put(field, "keys.error." + field));
            if (errors.isEmpty()) {
                errors.put("grants", "keys.error.grants");
            }
            list(request, response, form, chosen, errors);
        }
    }

    private void detail(HttpServletRequest request, HttpServletResponse response, String clientId) throws IOException {
        CredentialView credential = keys.get(clientId);
        CredentialUsage usage = keys.usage(clientId);
        Map<String, Object> model = new HashMap<>();
        model.put("credential", credential);
        model.put("history", keys.history(clientId).regenerations());
        model.put("usage", usage);
        model.put("bars", bars(usage));
        model.put("totalCalls", usage.daily().stream().mapToLong(CredentialUsage.Day::calls).sum());
        model.put("reveal", takeReveal(request, clientId));
        pages.render(request, response, "credential/detail", model);
    }

    private void confirmRegeneration(HttpServletRequest request, HttpServletResponse response, String clientId,
            String slot, Map<String, String> form, Map<String, String> errors) throws IOException {
        if (!"primary".equals(slot) && !"secondary".equals(slot)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        pages.render(request, response, "credential/regenerate", Map.of("credential", keys.get(clientId),
                "slot", slot, "form", form, "errors", errors, "graceChoices", GRACE_CHOICES,
                "formToken", OneTimeForms.issue(request), "formTokenField", OneTimeForms.FIELD));
    }

    private void regenerate(HttpServletRequest request, HttpServletResponse response, String clientId)
            throws IOException {
        String slot = slot(request);
        Map<String, String> form = Map.of("reason", trimmed(request, "reason"), "graceHours", trimmed(request, "graceHours"));
        if (!OneTimeForms.useUp(request)) {
            // The same form again (a double click, a resend): it has been acted on once already.
            done(request, response, clientId, "keys.flash.alreadyDone", slot);
            return;
        }
        Integer grace;
        try {
            grace = Integer.valueOf(form.get("graceHours"));
        } catch (NumberFormatException e) {
            grace = -1;
        }
        try {
            RegeneratedSecret regenerated = keys.regenerate(clientId, slot, form.get("reason"), grace);
            reveal(request, clientId, Map.of(slot, regenerated.secret()));
            done(request, response, clientId, "keys.flash.regenerated", slot);
        } catch (PlatformException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            response.setStatus(e.status());
            Map<String, String> errors = new LinkedHashMap<>();
            e.fieldErrors().keySet().forEach(field -> errors.put(field, "keys.error." + field));
            if (errors.isEmpty()) {
                errors.put("general", "credential-disabled".equals(e.code()) ? "keys.error.disabled"
                        : "credential-managed".equals(e.code()) ? "keys.error.managed" : "error.request");
            }
            confirmRegeneration(request, response, clientId, slot, form, errors);
        }
    }

    /** Calls per day as bars of a 300 by 100 chart. */
    static List<Map<String, Object>> bars(CredentialUsage usage) {
        long max = Math.max(1, usage.daily().stream().mapToLong(CredentialUsage.Day::calls).max().orElse(1));
        List<Map<String, Object>> bars = new ArrayList<>();
        int count = usage.daily().size();
        double width = 300.0 / Math.max(1, count);
        for (int i = 0; i < count; i++) {
            CredentialUsage.Day day = usage.daily().get(i);
            double height = day.calls() == 0 ? 0 : Math.max(1, 80.0 * day.calls() / max);
            bars.add(Map.of("x", String.format(java.util.Locale.ROOT, "%.1f", i * width + 1),
                    "y", String.format(java.util.Locale.ROOT, "%.1f", 90 - height),
                    "width", String.format(java.util.Locale.ROOT, "%.1f", width - 2),
                    "height", String.format(java.util.Locale.ROOT, "%.1f", height),
                    "date", day.date(), "calls", day.calls()));
        }
        return bars;
    }

    /** Keeps new secrets for the very next view of the credential, which shows them once and forgets them. */
    private static void reveal(HttpServletRequest request, String clientId, Map<String, String> secrets) {
        request.getSession(true).setAttribute(REVEAL, Map.of("clientId", clientId, "secrets", Map.copyOf(secrets)));
    }

    private static Map<?, ?> takeReveal(HttpServletRequest request, String clientId) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(REVEAL) instanceof Map<?, ?> reveal)
                || !clientId.equals(reveal.get("clientId"))) {
            return null;
        }
        session.removeAttribute(REVEAL);
        return (Map<?, ?>) reveal.get("secrets");
    }

    private void done(HttpServletRequest request, HttpServletResponse response, String clientId, String message,
            Object argument) throws IOException {
        pages.flash(request, message, argument);
        pages.redirect(request, response, BASE + "/" + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
    }

    private static String slot(HttpServletRequest request) {
        String slot = request.getParameter("slot");
        return slot == null ? "" : slot;
    }

    private static String trimmed(HttpServletRequest request, String field) {
        String value = request.getParameter(field);
        return value == null ? "" : value.strip();
    }}
