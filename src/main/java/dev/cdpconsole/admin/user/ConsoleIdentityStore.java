package dev.cdpconsole.admin.user;

import java.util.HashSet;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.ws.rs.ProcessingException;

import dev.cdpconsole.admin.console.PlatformClients;
import dev.cdpconsole.api.ConsoleUserApi;
import dev.cdpconsole.admin.console.PlatformException;
import dev.cdpconsole.api.PasswordAttempt;
import dev.cdpconsole.api.PasswordCheck;

/** Checks a console sign-in against the platform's console users; their roles become the caller's groups. */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(ConsoleIdentityStore.class.getName());

    @Inject
    PlatformClients clients;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String name = login.getCaller();
        if (name == null || name.isBlank() || name.length() > 64 || !name.matches("[A-Za-z0-9._@-]+")) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        try {
            PasswordCheck check = clients.get(ConsoleUserClient.class, ConsoleUserApi.PATH)
                    .verify(name, new PasswordAttempt(login.getPasswordAsString()));
            return check.valid() ? new CredentialValidationResult(name, new HashSet<>(check.roles()))
                    : CredentialValidationResult.INVALID_RESULT;
        } catch (PlatformException | ProcessingException e) {
            LOG.log(Level.WARNING, "Sign-in could not be checked: {0}", e.getMessage());
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
    }
}
