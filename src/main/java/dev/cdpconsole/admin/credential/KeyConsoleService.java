package dev.cdpconsole.admin.credential;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cdpconsole.admin.console.PlatformClients;
import dev.cdpconsole.api.CredentialApi;
import dev.cdpconsole.api.CredentialChange;
import dev.cdpconsole.api.CredentialList;
import dev.cdpconsole.api.CredentialUsage;
import dev.cdpconsole.api.CredentialView;
import dev.cdpconsole.api.GrantRequest;
import dev.cdpconsole.api.IssuedCredential;
import dev.cdpconsole.api.NewCredential;
import dev.cdpconsole.api.RegeneratedSecret;
import dev.cdpconsole.api.RegenerationHistory;
import dev.cdpconsole.api.RegenerationRequest;

/** What the Keys pages do, each through the credentials API. */
@ApplicationScoped
public class KeyConsoleService {

    private static final int PAGE = 100;

    @Inject
    PlatformClients clients;

    private CredentialClient api() {
        return clients.get(CredentialClient.class, CredentialApi.PATH);
    }

    public List<CredentialView> all() {
        List<CredentialView> all = new ArrayList<>();
        CredentialList page;
        int offset = 0;
        do {
            page = api().list(Integer.toString(PAGE), Integer.toString(offset));
            all.addAll(page.credentials());
            offset += PAGE;
        } while (page._links() != null && page._links().containsKey("next") && !page.credentials().isEmpty());
        return all;
    }

    public CredentialView get(String clientId) {
        return api().get(clientId);
    }

    public IssuedCredential create(String name, String description, List<String> sandboxes, String role) {
        return api().create(new NewCredential(name, description,
                sandboxes.stream().map(s -> new GrantRequest(s, role)).toList()));
    }

    public RegeneratedSecret regenerate(String clientId, String slot, String reason, Integer graceHours) {
        return api().regenerate(clientId, slot, new RegenerationRequest(reason, graceHours));
    }

    public CredentialView revoke(String clientId, String slot) {
        return api().revoke(clientId, slot);
    }

    public CredentialView setEnabled(String clientId, boolean enabled) {
        return api().change(clientId, CredentialChange.enabled(enabled));
    }

    public void delete(String clientId) {
        api().delete(clientId);
    }

    public RegenerationHistory history(String clientId) {
        return api().history(clientId);
    }

    public CredentialUsage usage(String clientId) {
        return api().usage(clientId, "30");
    }
}
