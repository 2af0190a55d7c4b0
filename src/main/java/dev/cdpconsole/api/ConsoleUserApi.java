package dev.cdpconsole.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Console users (ours): the people who sign in to the console. Needs the admin role. */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Console users", description = "Users of the admin console")
@SecurityRequirement(name = "bearer")
public interface ConsoleUserApi {

    /** Where this interface lives; resources take it as their {@code @Path}, rest clients as their base. */
    String PATH = "/data/foundation/users";

    @GET
    @Operation(summary = "List console users")
    @APIResponse(responseCode = "200", description = "Every console user",
            content = @Content(schema = @Schema(implementation = ConsoleUserList.class)))
    ConsoleUserList list();

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a console user")
    @APIResponse(responseCode = "200", description = "The new user",
            content = @Content(schema = @Schema(implementation = ConsoleUserView.class)))
    @APIResponse(responseCode = "400", description = "Invalid login, password or roles",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The login is taken",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    ConsoleUserView create(@NotNull(message = "a JSON body is required") @Valid NewConsoleUser user);

    @PATCH
    @Path("{login}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a console user", description = "Reset the password, change the roles, disable or enable.")
    @APIResponse(responseCode = "200", description = "The changed user",
            content = @Content(schema = @Schema(implementation = ConsoleUserView.class)))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It would leave no enabled admin",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    ConsoleUserView change(@PathParam("login") String login,
            @NotNull(message = "a JSON body is required") @Valid ConsoleUserChange change);

    @POST
    @Path("{login}/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a console user's password",
            description = "Answers valid=false for an unknown or disabled user and a wrong password alike.")
    @APIResponse(responseCode = "200", description = "The outcome, with the roles when valid",
            content = @Content(schema = @Schema(implementation = PasswordCheck.class)))
    PasswordCheck verify(@PathParam("login") String login,
            @NotNull(message = "a JSON body is required") @Valid PasswordAttempt attempt);
}
