package dev.hearth.media;

import dev.hearth.actions.Action;
import dev.hearth.actions.ActionCall;
import dev.hearth.actions.ActionProvider;
import dev.hearth.actions.ActionSpec;
import dev.hearth.actions.ActionSpec.Param;
import dev.hearth.actions.ActionSpec.Type;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;

/**
 * The actions on one media service: Tautulli's reads (for the chat doors and MCP; viewers), an indexer's test and
 * an *arr app's refresh or search of one title (operators). The commands are limited to a title the app has: a scan
 * of a download folder names a path on the app's machine, which Hearth cannot confine, so it is not offered.
 */
@Singleton
public class MediaServiceActions implements ActionProvider {
    public static final String WATCH_ACTIVITY = "media.watch_activity";
    public static final String WATCH_HISTORY = "media.watch_history";
    public static final String WATCH_LIBRARIES = "media.watch_libraries";
    public static final String WATCH_USERS = "media.watch_users";
    public static final String TEST_INDEXER = "media.test_indexer";
    public static final String MANAGER_COMMAND = "media.manager_command";

    /** What {@link #MANAGER_COMMAND} answers: the command as the app queued it, and on which title. */
    public record CommandSent(String service, String command, int titleId, CommandStatus status) {}

    private final WatchStats stats;
    private final MediaReads reads;

    public MediaServiceActions(WatchStats stats, MediaReads reads) {
        this.stats = stats;
        this.reads = reads;
    }

    @Override
    public List<Action> actions() {
        Param service = Param.required("service", Type.STRING, "the Tautulli service (service name)");
        return List.of(
                new Action(
                        new ActionSpec(
                                WATCH_ACTIVITY,
                                "What plays on the media server now, by Tautulli: streams, transcodes, bandwidth",
                                Role.VIEWER,
                                false,
                                List.of(service)),
                        call -> stats.activity(call.string("service"))),
                new Action(
                        new ActionSpec(
                                WATCH_HISTORY,
                                "Who watched what, newest first, by Tautulli",
                                Role.VIEWER,
                                false,
                                List.of(
                                        service,
                                        Param.optional(
                                                "limit", Type.INTEGER, "at most this many, 1 to 100 (default 20)"),
                                        Param.optional("offset", Type.INTEGER, "how many of the newest to skip"))),
                        call -> stats.history(call.string("service"), limit(call), offset(call))),
                new Action(
                        new ActionSpec(
                                WATCH_LIBRARIES,
                                "The media server's libraries and their sizes, by Tautulli",
                                Role.VIEWER,
                                false,
                                List.of(service)),
                        call -> stats.libraries(call.string("service"))),
                new Action(
                        new ActionSpec(
                                WATCH_USERS,
                                "The people who use the media server, by Tautulli",
                                Role.VIEWER,
                                false,
                                List.of(service)),
                        call -> stats.users(call.string("service"))),
                new Action(
                        new ActionSpec(
                                TEST_INDEXER,
                                "Ask Prowlarr (or a Torznab feed) to test one indexer: it answers whether the indexer"
                                        + " works and what is wrong",
                                Role.OPERATOR,
                                false,
                                List.of(
                                        Param.required("service", Type.STRING, "the indexer service (service name)"),
                                        Param.required("indexer", Type.STRING, "the indexer's id"))),
                        this::testIndexer),
                new Action(
                        new ActionSpec(
                                MANAGER_COMMAND,
                                "Ask Sonarr or Radarr to refresh one title (re-read its metadata and files) or to"
                                        + " search the indexers for its missing files",
                                Role.OPERATOR,
                                false,
                                List.of(
                                        Param.required("service", Type.STRING, "the Sonarr or Radarr service"),
                                        Param.required("command", Type.STRING, "refresh or search"),
                                        Param.required(
                                                "title_id", Type.INTEGER, "the series' or movie's id in the app"))),
                        this::command));
    }

    private static int offset(ActionCall call) {
        if (!call.params().hasNonNull("offset")) return 0;
        long o = call.integer("offset");
        if (o < 0 || o > Integer.MAX_VALUE) throw ApiException.invalid("offset", "must be 0 or more");
        return (int) o;
    }

    private static int limit(ActionCall call) {
        if (!call.params().hasNonNull("limit")) return 20;
        long l = call.integer("limit");
        if (l < 1 || l > 100) throw ApiException.invalid("limit", "must be 1 to 100");
        return (int) l;
    }

    private IndexerTest testIndexer(ActionCall call) {
        String service = call.string("service");
        String indexer = call.string("indexer").strip();
        if (!indexer.matches("[A-Za-z0-9._-]{1,100}"))
            throw ApiException.invalid("indexer", "is an indexer id: letters, digits, '.', '_' or '-'");
        IndexerSearch search = reads.one(IndexerSearch.class, service, IndexerSearch::serviceName, "indexer service");
        return MediaCalls.call(service, () -> search.test(indexer));
    }

    private CommandSent command(ActionCall call) {
        String service = call.string("service");
        long id = call.integer("title_id");
        if (id < 1 || id > Integer.MAX_VALUE) throw ApiException.invalid("title_id", "is not a title id");
        String name = call.string("command").strip().toLowerCase(Locale.ROOT);
        ManagerCommand command = switch (name) {
            case "refresh" -> new ManagerCommand.Refresh((int) id);
            case "search" -> new ManagerCommand.Search((int) id);
            default -> throw ApiException.invalid("command", "must be refresh or search");
        };
        MediaManager manager = reads.one(MediaManager.class, service, MediaManager::serviceName, "media manager");
        CommandStatus status = MediaCalls.call(service, () -> manager.command(command));
        return new CommandSent(service, name, (int) id, status);
    }
}
