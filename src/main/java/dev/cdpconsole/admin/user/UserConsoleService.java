package dev.cdpconsole.admin.user;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cdpconsole.admin.console.PlatformClients;
import dev.cdpconsole.api.ConsoleUserApi;
import dev.cdpconsole.api.ConsoleUserChange;
import dev.cdpconsole.api.ConsoleUserView;
import dev.cdpconsole.api.NewConsoleUser;

/** What the Users page does, through the console-users API. */
@ApplicationScoped
public class UserConsoleService {

    @Inject
    PlatformClients clients;

    private ConsoleUserClient api() {
        return clients.get(ConsoleUserClient.class, ConsoleUserApi.PATH);
    }

    public List<ConsoleUserView> all() {
        return api().list().users();
    }

    public ConsoleUserView create(String login, String password, List<String> roles) {
        return api().create(new NewConsoleUser(login, password, roles));
    }

    public ConsoleUserView resetPassword(String login, String password) {
        return api().change(login, ConsoleUserChange.password(password));
    }

    public ConsoleUserView setEnabled(String login, boolean enabled) {
        return api().change(login, ConsoleUserChange.enabled(enabled));
    }
}
