package dev.cdpconsole.platform.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import dev.cdpconsole.common.problem.ProblemException;

/** After matching: the caller's role in the request's sandbox must include what the resource requires (else 403). */
@Provider
@Priority(Priorities.AUTHORIZATION)
@ApplicationScoped
public class RoleCheckFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resourceInfo;

    @Inject
    CallContext context;

    @Override
    public void filter(ContainerRequestContext request) {
        Class<?> resource = resourceInfo.getResourceClass();
        if (resource == null || resource.isAnnotationPresent(PublicEndpoint.class)) {
            return;
        }
        RequiresRole onMethod = resourceInfo.getResourceMethod() == null ? null
                : resourceInfo.getResourceMethod().getAnnotation(RequiresRole.class);
        RequiresRole required = onMethod != null ? onMethod : resource.getAnnotation(RequiresRole.class);
        if (required != null && (context.role() == null || !context.role().includes(required.value()))) {
            throw ProblemException.forbidden("role-too-weak",
                    "This call needs the " + required.value().name().toLowerCase() + " role");
        }
    }
}
