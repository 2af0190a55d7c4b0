package dev.cdpconsole.platform;

import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import dev.cdpconsole.common.problem.ProblemMappers;
import dev.cdpconsole.common.rest.EmptyJsonBodies;
import dev.cdpconsole.common.rest.NoNulInAddress;
import dev.cdpconsole.platform.activation.ActivationResource;
import dev.cdpconsole.platform.activation.FlowRunResource;
import dev.cdpconsole.platform.audit.AuditResource;
import dev.cdpconsole.platform.auth.ApiAuthenticationFilter;
import dev.cdpconsole.platform.auth.RoleCheckFilter;
import dev.cdpconsole.platform.credential.CredentialResource;
import dev.cdpconsole.platform.credential.TokenResource;
import dev.cdpconsole.platform.destination.DestinationResource;
import dev.cdpconsole.platform.destination.FlowResource;
import dev.cdpconsole.platform.profile.ProfileResource;
import dev.cdpconsole.platform.profile.SystemJobResource;
import dev.cdpconsole.platform.sandbox.SandboxResource;
import dev.cdpconsole.platform.segment.EstimateResource;
import dev.cdpconsole.platform.segment.PreviewResource;
import dev.cdpconsole.platform.segment.SegmentJobResource;
import dev.cdpconsole.platform.segment.SegmentResource;
import dev.cdpconsole.platform.system.ActivationHoldResource;
import dev.cdpconsole.platform.system.ClockResource;
import dev.cdpconsole.platform.user.ConsoleUserResource;

/**
 * The platform's HTTP API, at the paths of CONTRACT.md. Servlets with longer mappings (the console,
 * static assets) take precedence over this one. Its classes are listed, not scanned (a feature adds its resources here): the console's rest-client
 * interfaces carry the same {@code @Path}s and must not become resources.
 */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "cdp-console platform API", version = "0.1.0",
        description = "Sandboxes, tokens, credentials, profiles, segments, destinations, dataflows, activation and flow runs, console users and the audit log. Every call but the token endpoint needs "
                + "Authorization: Bearer, x-api-key and x-gw-ims-org-id; x-sandbox-name is optional (default prod)."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class PlatformApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                TokenResource.class,
                SandboxResource.class,
                CredentialResource.class,
                ProfileResource.class,
                SystemJobResource.class,
                SegmentResource.class,
                SegmentJobResource.class,
                PreviewResource.class,
                EstimateResource.class,
                DestinationResource.class,
                FlowResource.class,
                FlowRunResource.class,
                ActivationResource.class,
                ClockResource.class,
                ActivationHoldResource.class,
                AuditResource.class,
                ConsoleUserResource.class,
                ApiAuthenticationFilter.class,
                RoleCheckFilter.class,
                EmptyJsonBodies.class,
                NoNulInAddress.class,
                ProblemMappers.ProblemExceptionMapper.class,
                ProblemMappers.ConstraintViolationMapper.class,
                ProblemMappers.JsonbExceptionMapper.class,
                ProblemMappers.JsonExceptionMapper.class,
                ProblemMappers.ProcessingExceptionMapper.class,
                ProblemMappers.WebApplicationExceptionMapper.class,
                ProblemMappers.UnexpectedExceptionMapper.class);
    }
}
