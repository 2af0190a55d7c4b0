package dev.cdpconsole.common.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import dev.cdpconsole.common.problem.ProblemException;

/**
 * An address holding U+0000 ({@code %00}) is refused with a 400 before any resource reads it. PostgreSQL's text
 * cannot hold the character, so a lookup or a search with it would fail in the database on one and answer on
 * another; refused here, it is the same 400 on every database. Runs after authentication.
 */
@Provider
@Priority(Priorities.USER)
public class NoNulInAddress implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if ((path != null && path.contains("%00")) || (query != null && query.contains("%00"))) {
            throw ProblemException.badRequest("text-invalid",
                    "the address holds the character U+0000 (%00), which text may not contain");
        }
    }
}
