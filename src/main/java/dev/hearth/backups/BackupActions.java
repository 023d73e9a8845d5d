package dev.hearth.backups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.actions.Action;
import dev.hearth.actions.ActionCall;
import dev.hearth.actions.ActionProvider;
import dev.hearth.actions.ActionSpec;
import dev.hearth.actions.ActionSpec.Param;
import dev.hearth.actions.ActionSpec.Type;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The backup actions. Roles: listing is the viewer's (names, sizes, times: nothing inside); making one and
 * verifying one the operator's (they change nothing that exists); deleting and restoring the admin's, and so
 * is downloading (a REST route, not an action: the archive holds the whole database and Hearth's secrets).
 */
@Singleton
public class BackupActions implements ActionProvider {
    private final BackupService backups;

    public BackupActions(BackupService backups) {
        this.backups = backups;
    }

    @Override
    public List<Action> actions() {
        return List.of(
                new Action(
                        new ActionSpec(
                                "backups.list",
                                "The backups, newest first: file name, size, time, description, status",
                                Role.VIEWER,
                                false,
                                List.of()),
                        c -> new Listed(
                                backups.list().stream().map(BackupView::of).toList())),
                new Action(
                        new ActionSpec(
                                "backups.create",
                                "Make a backup now: the database, the configuration and Hearth's data files, "
                                        + "and optionally paths and Docker volumes inside backups.roots",
                                Role.OPERATOR,
                                false,
                                List.of(
                                        Param.optional(
                                                "name",
                                                Type.STRING,
                                                "letters, digits, - or _ (default 'backup'); the file is <name>_<yyyyMMdd_HHmmss>.tar.gz"),
                                        Param.optional(
                                                "description",
                                                Type.STRING,
                                                "what it is for, e.g. 'before the upgrade'"),
                                        Param.optional(
                                                "include",
                                                Type.OBJECT,
                                                "{\"paths\": [\"/srv/www\"], \"volumes\": [\"local/minecraft-world\"]}"))),
                        this::create),
                new Action(
                        new ActionSpec(
                                "backups.verify",
                                "Read a backup whole and check every file against its checksums",
                                Role.OPERATOR,
                                false,
                                List.of(
                                        Param.required("id", Type.INTEGER, "the backup's id"),
                                        Param.optional(
                                                "passphrase",
                                                Type.STRING,
                                                "the passphrase it was made with, if not the configured one"))),
                        this::verify),
                new Action(
                        new ActionSpec(
                                "backups.delete",
                                "Delete a backup: its file, its remote copy and its entry",
                                Role.ADMIN,
                                true,
                                List.of(Param.required("id", Type.INTEGER, "the backup's id"))),
                        c -> new Deleted(BackupView.of(backups.delete(c.integer("id"))))),
                new Action(
                        new ActionSpec(
                                "backups.restore",
                                "Restore a backup: Hearth checks it, stops, swaps its files in and starts again on them; "
                                        + "everything done since the backup is lost",
                                Role.ADMIN,
                                true,
                                List.of(
                                        Param.required("id", Type.INTEGER, "the backup's id"),
                                        Param.required("confirm", Type.STRING, "the backup's name, typed out"),
                                        Param.optional(
                                                "passphrase",
                                                Type.STRING,
                                                "the passphrase it was made with, if not the configured one"))),
                        this::restore));
    }

    /** {@code backups.list}. */
    public record Listed(List<BackupView> backups) {}

    /** {@code backups.create}: MLTB's {@code createBackup} answer ({@code success}, {@code message}, {@code filename}) and the backup. */
    public record Made(boolean success, String message, String filename, BackupView backup) {}

    /** {@code backups.verify}. */
    public record Verified(boolean ok, int filesChecked, List<String> problems, BackupView backup) {}

    /** {@code backups.delete}. */
    public record Deleted(BackupView deleted) {}

    /** {@code backups.restore}: staged; Hearth stops and swaps it in at its next start. */
    public record RestoreStaged(
            boolean restoring,
            BackupView backup,
            String message,
            int steps,
            List<String> containersStopped,
            List<String> notes) {}

    private Made create(ActionCall call) {
        String name = call.optionalString("name")
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .orElse("backup");
        String description = call.optionalString("description").orElse("");
        Includes includes = Includes.NONE;
        JsonNode include = call.params().get("include");
        if (include != null && !include.isNull())
            includes = new Includes(strings(include, "paths"), strings(include, "volumes"));
        Backup b = backups.create(
                name, description, BackupService.MANUAL, includes, call.caller().label());
        return new Made(true, "Backup created successfully", b.fileName(), BackupView.of(b));
    }

    private static List<String> strings(JsonNode include, String field) {
        for (java.util.Iterator<String> it = include.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("paths") && !f.equals("volumes"))
                throw ApiException.invalid("include." + f, "unknown: include takes paths and volumes");
        }
        JsonNode list = include.get(field);
        if (list == null || list.isNull()) return List.of();
        if (!list.isArray()) throw ApiException.invalid("include." + field, "must be a list of strings");
        List<String> out = new ArrayList<>();
        for (JsonNode n : list) {
            if (!n.isTextual()) throw ApiException.invalid("include." + field, "must be a list of strings");
            out.add(n.asText());
        }
        return out;
    }

    private Verified verify(ActionCall call) {
        BackupService.Verification v = backups.verify(
                call.integer("id"), call.optionalString("passphrase").orElse(null));
        return new Verified(v.ok(), v.files(), v.problems(), BackupView.of(v.backup()));
    }

    private RestoreStaged restore(ActionCall call) {
        BackupService.RestoreStarted r = backups.restore(
                call.integer("id"),
                call.string("confirm"),
                call.optionalString("passphrase").orElse(null),
                call.caller().label());
        return new RestoreStaged(
                true,
                BackupView.of(r.backup()),
                "Backup " + r.backup().fileName()
                        + " checked and staged; Hearth stops now, swaps it in at its next start and comes back"
                        + " in a few seconds on its state of " + r.backup().createdAt() + ".",
                r.steps(),
                r.containersStopped(),
                r.notes());
    }
}
