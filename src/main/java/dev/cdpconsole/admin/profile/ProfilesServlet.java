package dev.cdpconsole.admin.profile;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.cdpconsole.admin.console.ConsolePages;
import dev.cdpconsole.api.ProfileHit;

/**
 * The Profiles pages (agents, marketers, admins): {@code /console/profiles?q=} searches as one types (htmx asks
 * {@code /console/profiles/results}), {@code /console/profiles/{xid}} shows who the caller is at once.
 */
@WebServlet(name = "profiles", urlPatterns = "/console/profiles/*")
public class ProfilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final List<String> EVENT_TYPES = List.of("commerce.purchases", "commerce.productViews",
            "web.webpagedetails.pageViews");

    @Inject
    ProfileConsoleService profiles;

    @Inject
    ConsolePages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] route = ConsolePages.route(request);
        if (route.length == 0) {
            search(request, response, "profile/search");
        } else if (route.length == 1 && "results".equals(route[0])) {
            search(request, response, "profile/results");
        } else if (route.length == 1) {
            view(request, response, route[0]);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void search(HttpServletRequest request, HttpServletResponse response, String template) throws IOException {
        String q = request.getParameter("q") == null ? "" : request.getParameter("q").strip();
        if (q.length() > 200) {
            q = q.substring(0, 200);
        }
        int page = page(request.getParameter("page"));
        ProfileHit.Page hits = q.isEmpty() ? null : profiles.search(q, page);
        Map<String, Object> model = new HashMap<>();
        model.put("q", q);
        model.put("page", page);
        model.put("hits", hits == null ? List.of() : hits.profiles().stream().map(ProfilesServlet::row).toList());
        model.put("searched", hits != null);
        model.put("hasNext", hits != null && hits._links() != null && hits._links().containsKey("next"));
        pages.render(request, response, template, model);
    }

    private void view(HttpServletRequest request, HttpServletResponse response, String xid) throws IOException {
        JsonObject profile = profiles.profile(xid);
        JsonObject entity = profile.getJsonObject("entity");
        String type = request.getParameter("type");
        String eventType = type != null && EVENT_TYPES.contains(type) ? type : null;
        String start = request.getParameter("start");
        JsonObject events = profiles.events(xid, eventType, start == null || start.isBlank() ? null : start);
        Map<String, Object> model = new HashMap<>();
        model.put("xid", xid);
        model.put("name", name(entity));
        model.put("identities", identities(entity));
        model.put("computed", computed(entity));
        model.put("memberships", profiles.memberships(entity));
        model.put("groups", ProfileConsoleService.groups(entity));
        model.put("events", events(events));
        model.put("eventTypes", EVENT_TYPES);
        model.put("eventType", eventType == null ? "" : eventType);
        String next = events.getJsonObject("_page").getString("next", "");
        model.put("nextStart", next);
        model.put("lastModified", profile.getString("lastModifiedAt", ""));
        pages.render(request, response, "profile/view", model);
    }

    /** A hit as the results table shows it: a name to click (the XID when there is none). */
    private static Map<String, Object> row(ProfileHit hit) {
        String name = ((hit.firstName() == null ? "" : hit.firstName()) + " "
                + (hit.lastName() == null ? "" : hit.lastName())).strip();
        Map<String, Object> row = new HashMap<>();
        row.put("xid", hit.xid());
        row.put("name", name.isEmpty() ? hit.xid() : name);
        row.put("email", hit.email() == null ? "" : hit.email());
        row.put("phone", hit.phone() == null ? "" : hit.phone());
        row.put("city", hit.city() == null ? "" : hit.city());
        row.put("lifetimeValue", hit.lifetimeValue() == null ? "" : hit.lifetimeValue().toPlainString());
        return row;
    }

    private static String name(JsonObject entity) {
        JsonObject person = entity.getJsonObject("person");
        JsonObject name = person == null ? null : person.getJsonObject("name");
        if (name == null) {
            return "";
        }
        return (name.getString("firstName", "") + " " + name.getString("lastName", "")).strip();
    }

    private static List<String[]> identities(JsonObject entity) {
        List<String[]> identities = new ArrayList<>();
        JsonObject map = entity.getJsonObject("identityMap");
        if (map != null) {
            map.forEach((namespace, values) -> values.asJsonArray().forEach(v ->
                    identities.add(new String[] {namespace, v.asJsonObject().getString("id", "")})));
        }
        return identities;
    }

    private static Map<String, Object> computed(JsonObject entity) {
        JsonObject computed = entity.getJsonObject("computedAttributes");
        Map<String, Object> scores = new LinkedHashMap<>();
        double churn = computed == null ? 1 : computed.getJsonNumber("churnPropensity").doubleValue();
        scores.put("lifetimeValue", computed == null ? "0" : computed.getJsonNumber("lifetimeValue").bigDecimalValue()
                .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        scores.put("purchases30d", computed == null ? 0 : computed.getInt("purchasesLast30Days"));
        scores.put("lastPurchase", computed == null ? "" : computed.getString("lastPurchaseDate", ""));
        scores.put("churn", Math.round(churn * 100));
        scores.put("churnWidth", String.format(java.util.Locale.ROOT, "%.1f", 200 * churn));
        scores.put("churnLevel", churn >= 0.66 ? "high" : churn >= 0.33 ? "medium" : "low");
        return scores;
    }

    private static List<Map<String, Object>> events(JsonObject page) {
        List<Map<String, Object>> rows = new ArrayList<>();
        JsonArray children = page.getJsonArray("children");
        for (JsonValue child : children) {
            JsonObject event = child.asJsonObject();
            JsonObject body = event.getJsonObject("entity");
            Map<String, Object> row = new HashMap<>();
            row.put("time", Instant.ofEpochMilli(event.getJsonNumber("timestamp").longValue()).atOffset(ZoneOffset.UTC)
                    .toString().replace('T', ' ').replaceAll("(:\\d\\d)(\\.\\d+)?Z$", "$1"));
            row.put("type", body.getString("eventType", ""));
            JsonObject order = body.getJsonObject("commerce") == null ? null
                    : body.getJsonObject("commerce").getJsonObject("order");
            row.put("total", order == null || !order.containsKey("priceTotal") ? ""
                    : order.getJsonNumber("priceTotal").toString() + " " + order.getString("currencyCode", ""));
            row.put("detail", body.toString().length() > 300 ? body.toString().substring(0, 300) + "…" : body.toString());
            rows.add(row);
        }
        return rows;
    }

    private static int page(String value) {
        try {
            return value == null ? 0 : Math.max(0, Math.min(Integer.parseInt(value), 10_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
