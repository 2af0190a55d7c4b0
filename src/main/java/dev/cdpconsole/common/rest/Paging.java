package dev.cdpconsole.common.rest;

import java.net.URI;
import java.util.Map;

import jakarta.ws.rs.core.UriBuilder;

import dev.cdpconsole.api.Link;
import dev.cdpconsole.common.problem.ProblemException;

/**
 * The {@code limit} and {@code offset} query parameters of a list endpoint, read as text so that a value
 * that is not a number answers 400 naming the parameter (JAX-RS alone would answer 404).
 */
public record Paging(int limit, int offset) {

    public static Paging of(String limit, String offset, int defaultLimit, int maxLimit) {
        int size = parse("limit", limit, defaultLimit);
        int start = parse("offset", offset, 0);
        if (size < 1 || size > maxLimit) {
            throw ProblemException.badRequest("limit-out-of-range", "limit must be between 1 and " + maxLimit);
        }
        if (start < 0) {
            throw ProblemException.badRequest("offset-out-of-range", "offset must be 0 or more");
        }
        return new Paging(size, start);
    }

    /** A page number from 0 (at most 100,000); 400 for anything else. */
    public static int page(String page) {
        int number;
        try {
            number = Integer.parseInt(page == null || page.isBlank() ? "0" : page.strip());
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 0 || number > 100_000) {
            throw ProblemException.badRequest("page-invalid", "page must be a whole number from 0");
        }
        return number;
    }

    private static int parse(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + "-invalid", name + " must be a whole number");
        }
    }

    /** {@code _links} of a page: {@code next} when more rows follow this page of {@code size} out of {@code total}. */
    public Map<String, Link> links(UriBuilder request, int size, long total) {
        return offset + size < total ? Map.of("next", new Link(next(request).toString()))
                : Map.of();
    }

    /** The request's own URI with the offset of the next page. */
    public URI next(UriBuilder request) {
        return request.replaceQueryParam("limit", limit).replaceQueryParam("offset", offset + limit).build();
    }
}
