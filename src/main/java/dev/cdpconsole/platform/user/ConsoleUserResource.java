package dev.cdpconsole.platform.user;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import dev.cdpconsole.api.ConsoleUserApi;
import dev.cdpconsole.api.ConsoleUserChange;
import dev.cdpconsole.api.ConsoleUserList;
import dev.cdpconsole.api.ConsoleUserView;
import dev.cdpconsole.api.NewConsoleUser;
import dev.cdpconsole.api.PasswordAttempt;
import dev.cdpconsole.api.PasswordCheck;
import dev.cdpconsole.platform.auth.RequiresRole;
import dev.cdpconsole.platform.auth.Role;

/** {@code /data/foundation/users}: console users, for credentials with the admin role. */
@RequestScoped
@Path(ConsoleUserApi.PATH)
@RequiresRole(Role.ADMIN)
public class ConsoleUserResource implements ConsoleUserApi {

    @Inject
    ConsoleUserService users;

    @Override
    public ConsoleUserList list() {
        return new ConsoleUserList(users.list());
    }

    @Override
    public ConsoleUserView create(NewConsoleUser user) {
        return users.create(user.getLogin(), user.getPassword(), user.getRoles());
    }

    @Override
    public ConsoleUserView change(String login, ConsoleUserChange change) {
        return users.change(login, change);
    }

    @Override
    public PasswordCheck verify(String login, PasswordAttempt attempt) {
        return users.verify(login, attempt.getPassword());
    }
}
