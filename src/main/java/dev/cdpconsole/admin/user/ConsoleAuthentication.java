package dev.cdpconsole.admin.user;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/** Form login for the console: unauthenticated console pages lead to {@code /console/login}. */
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = "/console/login", errorPage = "", useForwardToLogin = false))
@DeclareRoles({"ADMIN", "MARKETER", "AGENT"})
@ApplicationScoped
public class ConsoleAuthentication {
}
