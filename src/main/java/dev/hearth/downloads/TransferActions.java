package dev.hearth.downloads;

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
import org.jspecify.annotations.Nullable;

/**
 * The seed fields that change how downloads run: a client's speed caps and running-downloads limit, a
 * task's caps and auto-delete rule. Units are KiB/s (Moccha's {@code max_download_speed}, Deluge's own) and
 * minutes; 0 is no limit. A door translates its seed's names to these and calls these actions.
 */
@Singleton
public class TransferActions implements ActionProvider {
    public static final String CLIENT_SETTINGS = "downloads.client_settings";
    public static final String CONFIGURE_CLIENT = "downloads.configure_client";
    public static final String TASK_SETTINGS = "tasks.settings";
    public static final String CONFIGURE_TASK = "tasks.configure";

    private final TransferControls transfers;

    public TransferActions(TransferControls transfers) {
        this.transfers = transfers;
    }

    /** The per-task fields, shared with {@code downloads.add}. */
    static List<Param> taskParams() {
        return List.of(
                Param.optional("max_download_speed", Type.INTEGER, "this task's download cap in KiB/s, 0 for none"),
                Param.optional("max_upload_speed", Type.INTEGER, "this task's upload cap in KiB/s, 0 for none"),
                Param.optional(
                        "seed_ratio_limit",
                        Type.NUMBER,
                        "auto-delete: remove the task once its share ratio reaches this (torrents only)"),
                Param.optional(
                        "seed_time_limit",
                        Type.INTEGER,
                        "auto-delete: remove the task after seeding this many minutes since it completed"),
                Param.optional(
                        "delete_data_after_seeding",
                        Type.BOOLEAN,
                        "auto-delete removes the downloaded files too (default false)"));
    }

    /** The per-task fields of a call; a rule needs a limit, and a limit is 0 or more. */
    static TaskLimits.Change changeOf(ActionCall call, boolean clearable) {
        JsonNode p = call.params();
        @Nullable
        Double ratio = p.has("seed_ratio_limit") ? p.get("seed_ratio_limit").asDouble() : null;
        @Nullable Long minutes = p.has("seed_time_limit") ? call.integer("seed_time_limit") : null;
        if (ratio != null && ratio < 0) throw ApiException.invalid("seed_ratio_limit", "must be 0 (off) or more");
        if (minutes != null && minutes < 0) throw ApiException.invalid("seed_time_limit", "must be 0 (off) or more");
        boolean ratioOn = ratio != null && ratio > 0;
        boolean timeOn = minutes != null && minutes > 0;
        @Nullable
        SeedRule rule = ratioOn || timeOn
                ? new SeedRule(
                        ratioOn ? ratio : null, timeOn ? minutes : null, call.flag("delete_data_after_seeding", false))
                : null;
        if (rule == null && p.has("delete_data_after_seeding")) {
            throw ApiException.invalid(
                    "delete_data_after_seeding", "needs seed_ratio_limit or seed_time_limit above 0 in the same call");
        }
        boolean cleared = clearable && rule == null && (ratio != null || minutes != null);
        return new TaskLimits.Change(
                p.has("max_download_speed") ? call.integer("max_download_speed") : null,
                p.has("max_upload_speed") ? call.integer("max_upload_speed") : null,
                rule,
                cleared);
    }

    @Override
    public List<Action> actions() {
        Param client = Param.required("client", Type.STRING, "the download client's service name");
        Param taskId =
                Param.required("task_id", Type.STRING, "the task's id, <client>:<hash or gid> (GET /api/v1/tasks)");
        List<Param> taskParams = new ArrayList<>();
        taskParams.add(taskId);
        taskParams.addAll(taskParams());
        return List.of(
                new Action(
                        new ActionSpec(
                                CLIENT_SETTINGS,
                                "Read a download client's speed caps and running-downloads limit from the client",
                                Role.VIEWER,
                                false,
                                List.of(client)),
                        call -> transfers.client(call.string("client"))),
                new Action(
                        new ActionSpec(
                                CONFIGURE_CLIENT,
                                "Set a download client's overall speed caps (KiB/s) and how many downloads run at once",
                                Role.OPERATOR,
                                false,
                                List.of(
                                        client,
                                        Param.optional(
                                                "max_download_speed",
                                                Type.INTEGER,
                                                "the client's overall download cap in KiB/s, 0 for none"),
                                        Param.optional(
                                                "max_upload_speed",
                                                Type.INTEGER,
                                                "the client's overall upload cap in KiB/s, 0 for none"),
                                        Param.optional(
                                                "max_active_downloads",
                                                Type.INTEGER,
                                                "how many downloads run at once, the rest queue; 0 for no limit"))),
                        this::configureClient),
                new Action(
                        new ActionSpec(
                                TASK_SETTINGS,
                                "Read a task's speed caps (from its client) and its auto-delete rule",
                                Role.VIEWER,
                                false,
                                List.of(taskId)),
                        call -> transfers.task(call.string("task_id"))),
                new Action(
                        new ActionSpec(
                                CONFIGURE_TASK,
                                "Set a task's speed caps, or remove it automatically after seeding (ratio or time)",
                                Role.OPERATOR,
                                false,
                                taskParams),
                        call -> {
                            TaskLimits.Change change = changeOf(call, true);
                            if (change.isEmpty()) throw nothingToChange("max_download_speed");
                            return transfers.configureTask(
                                    call.string("task_id"),
                                    change,
                                    call.caller().label());
                        }));
    }

    private ClientLimits configureClient(ActionCall call) {
        JsonNode p = call.params();
        @Nullable Long active = p.has("max_active_downloads") ? call.integer("max_active_downloads") : null;
        if (active != null && (active < 0 || active > 10_000))
            throw ApiException.invalid("max_active_downloads", "must be 0 (no limit) to 10000");
        ClientLimits.Change change = new ClientLimits.Change(
                p.has("max_download_speed") ? call.integer("max_download_speed") : null,
                p.has("max_upload_speed") ? call.integer("max_upload_speed") : null,
                active == null ? null : active.intValue());
        if (change.maxDownloadSpeed() == null && change.maxUploadSpeed() == null && change.maxActiveDownloads() == null)
            throw nothingToChange("max_download_speed");
        return transfers.configureClient(call.string("client"), change);
    }

    private static ApiException nothingToChange(String field) {
        return ApiException.invalid(field, "send at least one setting to change");
    }
}
