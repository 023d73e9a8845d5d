package dev.hearth.system;

import dev.hearth.actions.Action;
import dev.hearth.actions.ActionCall;
import dev.hearth.actions.ActionProvider;
import dev.hearth.actions.ActionSpec;
import dev.hearth.actions.ActionSpec.Param;
import dev.hearth.actions.ActionSpec.Type;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.SessionService;
import dev.hearth.platform.security.UserService;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Browser accounts: an admin adds users with a role, changes roles, resets passwords and removes users;
 * everyone changes their own password. Whatever changes what a user may do ends that user's sessions, so
 * no open browser keeps a role or a password it no longer has. An admin cannot remove or demote their own
 * account, nor the last admin: someone must always be able to sign in and manage the rest.
 */
@Singleton
public class AccountActions implements ActionProvider {
    public static final int MIN_PASSWORD = 8;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final UserService users;
    private final SessionService sessions;

    public AccountActions(UserService users, SessionService sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @Override
    public List<Action> actions() {
        return List.of(
                new Action(
                        new ActionSpec(
                                "accounts.create",
                                "Add a browser user with a role",
                                Role.ADMIN,
                                false,
                                List.of(
                                        Param.required("username", Type.STRING, "1 to 64 letters, digits, . _ @ or -"),
                                        Param.required("password", Type.STRING, MIN_PASSWORD + " characters to 1 KB"),
                                        Param.required("role", Type.STRING, "viewer, operator or admin"))),
                        this::create),
                new Action(
                        new ActionSpec(
                                "accounts.set_role",
                                "Change a browser user's role; their sessions end",
                                Role.ADMIN,
                                false,
                                List.of(
                                        Param.required("username", Type.STRING, "the user"),
                                        Param.required("role", Type.STRING, "viewer, operator or admin"))),
                        this::setRole),
                new Action(
                        new ActionSpec(
                                "accounts.reset_password",
                                "Set a new password for a browser user; their sessions end",
                                Role.ADMIN,
                                false,
                                List.of(
                                        Param.required("username", Type.STRING, "the user"),
                                        Param.required("password", Type.STRING, "the new password"))),
                        this::resetPassword),
                new Action(
                        new ActionSpec(
                                "accounts.delete",
                                "Remove a browser user; their sessions end",
                                Role.ADMIN,
                                true,
                                List.of(Param.required("username", Type.STRING, "the user"))),
                        this::delete),
                new Action(
                        new ActionSpec(
                                "accounts.change_password",
                                "Change your own password; your other sessions end",
                                Role.VIEWER,
                                false,
                                List.of(
                                        Param.required(
                                                "current_password", Type.STRING, "the password you signed in with"),
                                        Param.required(
                                                "new_password", Type.STRING, MIN_PASSWORD + " characters to 1 KB"))),
                        this::changeOwn));
    }

    /** An account as the API shows it (never its password hash). */
    public record AccountView(String username, String role, Instant createdAt) {}

    public record RoleSet(String username, String role, int sessionsEnded) {}

    public record PasswordReset(String username, boolean passwordReset, int sessionsEnded) {}

    public record AccountDeleted(String username, boolean deleted) {}

    public record PasswordChanged(String username, boolean passwordChanged, int otherSessionsEnded) {}

    private AccountView create(ActionCall call) {
        String name = call.string("username");
        if (!NAME.matcher(name).matches())
            throw ApiException.invalid(
                    "username", "must be 1 to 64 letters, digits, . _ @ or -, starting with a letter or digit");
        String password = password(call, "password");
        Role role = role(call);
        if (users.find(name).isPresent()) {
            throw new ApiException(
                    ErrorCode.CONFLICT, "A user named '" + name + "' exists already", Map.of("field", "username"));
        }
        users.create(name, password, role);
        return view(users.list().stream()
                .filter(a -> a.username().equals(name))
                .findFirst()
                .orElseThrow());
    }

    private RoleSet setRole(ActionCall call) {
        UserService.User user = existing(call);
        Role role = role(call);
        if (user.role() == Role.ADMIN && role != Role.ADMIN) keepAnAdmin(call.caller(), user, "demote");
        users.setRole(user.id(), role);
        int ended = sessions.endAllOf(user.id(), 0);
        return new RoleSet(user.username(), role.id(), ended);
    }

    private PasswordReset resetPassword(ActionCall call) {
        UserService.User user = existing(call);
        users.setPassword(user.id(), password(call, "password"));
        return new PasswordReset(user.username(), true, sessions.endAllOf(user.id(), 0));
    }

    private AccountDeleted delete(ActionCall call) {
        UserService.User user = existing(call);
        if (user.role() == Role.ADMIN) keepAnAdmin(call.caller(), user, "delete");
        sessions.endAllOf(user.id(), 0);
        users.delete(user.id());
        return new AccountDeleted(user.username(), true);
    }

    private PasswordChanged changeOwn(ActionCall call) {
        Caller caller = call.caller();
        if (caller.method() != Caller.Method.SESSION || !caller.credential().startsWith("session:")) {
            throw new ApiException(
                    ErrorCode.INVALID_INPUT,
                    "Only a browser user signed in with a password has one to change "
                            + "(API keys are revoked and created instead; a proxy's users change it at the proxy)");
        }
        String current = call.string("current_password");
        String next = password(call, "new_password");
        UserService.User user = users.authenticate(caller.name(), current)
                .orElseThrow(() -> ApiException.invalid("current_password", "is not your current password"));
        users.setPassword(user.id(), next);
        long keep = Long.parseLong(caller.credential().substring("session:".length()));
        return new PasswordChanged(user.username(), true, sessions.endAllOf(user.id(), keep));
    }

    private void keepAnAdmin(Caller caller, UserService.User user, String verb) {
        if (caller.method() == Caller.Method.SESSION && caller.name().equals(user.username())) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "You cannot " + verb + " your own account; another admin can",
                    Map.of("username", user.username()));
        }
        if (users.admins() <= 1) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "'" + user.username() + "' is the last admin: make another user admin first",
                    Map.of("username", user.username()));
        }
    }

    private UserService.User existing(ActionCall call) {
        String name = call.string("username");
        return users.find(name)
                .orElseThrow(() -> ApiException.notFound(
                        "User",
                        name.length() > 64 ? name.substring(0, 64) : name,
                        users.list().stream().map(UserService.Account::username).toList()));
    }

    private static String password(ActionCall call, String field) {
        String password = call.string(field);
        if (password.length() < MIN_PASSWORD)
            throw ApiException.invalid(field, "must be at least " + MIN_PASSWORD + " characters");
        if (password.getBytes(StandardCharsets.UTF_8).length > UserService.MAX_PASSWORD_BYTES) {
            throw ApiException.invalid(field, "must be at most " + UserService.MAX_PASSWORD_BYTES + " bytes");
        }
        return password;
    }

    private static Role role(ActionCall call) {
        return Role.find(call.string("role"))
                .orElseThrow(() -> ApiException.invalid("role", "must be viewer, operator or admin"));
    }

    public static AccountView view(UserService.Account a) {
        return new AccountView(a.username(), a.role().id(), a.createdAt());
    }
}
