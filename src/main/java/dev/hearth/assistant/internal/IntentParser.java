package dev.hearth.assistant.internal;

import dev.hearth.assistant.internal.Intent.Direction;
import dev.hearth.assistant.internal.Intent.Metric;
import dev.hearth.assistant.internal.Intent.ServiceVerb;
import dev.hearth.assistant.internal.Intent.TaskVerb;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The offline parser: a chat message to an {@link Intent}, with no key, no network and no model. Ordered rules over
 * the message with its politeness stripped ("could you please restart plex for me" is "restart plex"); names stay as
 * typed, for the planner to match. A first word one typo away from a command is read as that command.
 */
public final class IntentParser {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final List<Pattern> PREFIXES = List.of(
            p("^(?:hey|hi|hello|ok|okay|yo|so|well|and|also)[,!]?\\s+(?=\\S+\\s*\\S)"),
            p("^hearth[,:!]?\\s+"),
            p("^(?:please|pls|plz|kindly)[,]?\\s+"),
            p("^(?:can|could|would|will|wouldn't|won't)\\s+(?:you|u)\\s+(?:please\\s+)?"),
            p("^(?:can|could|may)\\s+(?:i|we)\\s+(?:please\\s+)?(?=see|get|have|know|check)"),
            p("^(?:i\\s+want\\s+you\\s+to|i'd\\s+like\\s+you\\s+to|i\\s+need\\s+you\\s+to)\\s+"),
            p(
                    "^(?:i\\s+(?:want|need|would\\s+like|'d\\s+like)\\s+to|i'd\\s+like\\s+to|i\\s+wanna|let's|lets|go\\s+ahead\\s+and|try\\s+to|just|quickly|now)\\s+(?!watch|see)"),
            p("^(?:tell\\s+me|let\\s+me\\s+know|do\\s+you\\s+know|i\\s+wonder|i'm\\s+wondering)\\s+"));
    private static final Pattern SUFFIX = p(
            "(?:[,\\s]+(?:please|pls|for\\s+me|right\\s+now|now|asap|quickly|thanks|thank\\s+you|thx|mate|buddy|again|real\\s+quick))+$");

    private static final Set<String> YES = Set.of(
            "yes",
            "y",
            "yeah",
            "yea",
            "yep",
            "yup",
            "sure",
            "ok",
            "okay",
            "confirm",
            "confirmed",
            "do it",
            "go ahead",
            "go",
            "proceed",
            "affirmative",
            "please do",
            "yes please",
            "absolutely",
            "correct",
            "yes do it",
            "k",
            "sure thing",
            "of course",
            "that's right",
            "right",
            "aye");
    private static final Set<String> NO = Set.of(
            "no",
            "n",
            "nope",
            "nah",
            "cancel",
            "cancel that",
            "cancel it",
            "never mind",
            "nevermind",
            "don't",
            "dont",
            "do not",
            "don't do it",
            "abort",
            "stop that",
            "forget it",
            "no thanks",
            "no thank you",
            "not now",
            "negative");
    private static final Set<String> SYSTEM_WORDS = Set.of(
            "server",
            "the server",
            "system",
            "the system",
            "hearth",
            "everything",
            "things",
            "it",
            "box",
            "the box",
            "machine",
            "the machine",
            "home server",
            "homeserver",
            "my server",
            "homelab",
            "the homelab",
            "my homelab",
            "my system",
            "overall",
            "all",
            "stuff");
    private static final List<String> VERBS = List.of(
            "restart",
            "reboot",
            "start",
            "stop",
            "pause",
            "resume",
            "cancel",
            "download",
            "status",
            "services",
            "alerts",
            "acknowledge",
            "help",
            "remove",
            "delete",
            "list",
            "show",
            "downloads");

    private static final Pattern LINK = p("(magnet:\\?\\S+|https?://\\S+)");
    private static final Pattern CATEGORY_TAIL =
            p("^\\s*(?:(?:to|into|in|under|as|with)\\s+(?:the\\s+|my\\s+)?(?:category\\s+)?)?"
                    + "([\\p{L}\\p{N} _.-]+?)?\\s*(?:category|folder|library|directory)?\\s*$");
    private static final Pattern DOWNLOAD_VERB =
            p("^(?:download|add|grab|get|fetch|queue|torrent|snag|start\\s+downloading|"
                    + "begin\\s+downloading|start\\s+a\\s+download\\s+of|pull)\\b\\s*");

    private static final Pattern REFUSE_SHELL = p(
            "(?:\\brm\\s+-rf\\b|\\bsudo\\b|^run\\s+|^execute\\s+|^exec\\s+|\\bshell\\b|\\bbash\\b|/bin/|;\\s*rm\\b|\\bmkfs\\b|\\bdd\\s+if=)");
    private static final Pattern REFUSE_WIPE = p(
            "^(?:delete|erase|wipe|remove|destroy|format|nuke|purge)\\s+(?:all|every(?:thing)?|the\\s+(?:whole|entire)|my\\s+(?:whole|entire)|all\\s+(?:my|the))"
                    + "\\b.*|^(?:format|wipe|erase)\\s+(?:the\\s+)?(?:disk|drive|hard\\s*drive|ssd|server|system).*|^drop\\s+(?:the\\s+)?(?:database|db|tables?).*");
    private static final Pattern REFUSE_HOST =
            p("^(?:shut\\s*down|power\\s+(?:off|down)|turn\\s+off|reboot|restart|halt|poweroff)\\s+(?:the\\s+|my\\s+)?"
                    + "(?:host|server|machine|computer|box|whole\\s+server|home\\s*server|nas|pc|system|hardware)$");
    private static final Pattern REFUSE_SECRETS = p(
            "(?:\\b(?:show|tell|give|send|print|reveal|what(?:'s| is| are))\\b.*\\b(?:api\\s*keys?|passwords?|secrets?|tokens?|credentials?)\\b)"
                    + "|^(?:make|give)\\s+me\\s+(?:an?\\s+)?(?:admin|operator|root|superuser)|\\b(?:change|raise|upgrade|elevate)\\s+my\\s+(?:role|permissions?|access)"
                    + "|^(?:create|make|generate)\\s+(?:a\\s+|an\\s+)?(?:new\\s+)?(?:api\\s+)?key\\b|^(?:disable|turn\\s+off)\\s+(?:the\\s+)?(?:auth|authentication|security|login|password)");

    private static final Pattern LIMIT_WORDS = p(
            "\\b(?:limit|cap|throttle|restrict|slow\\s+down|speed\\s+limit|max(?:imum)?\\s+speed|bandwidth|rate\\s+limit|unlimit(?:ed)?|no\\s+limit|lift|remove\\s+the\\s+(?:download\\s+|upload\\s+)?limit)\\b");
    private static final Pattern LIMIT_SUBJECT = p(
            "\\b(?:downloads?|uploads?|dl|ul|seeding|seeds?|download\\s+speed|upload\\s+speed|torrents?|speed|bandwidth)\\b");
    private static final Pattern AMOUNT = p(
            "(\\d+(?:[.,]\\d+)?)\\s*((?:[kmg]i?)?(?:b|bytes?|bits?|bps)?(?:\\s*/\\s*s(?:ec(?:ond)?)?|ps)?|kilo(?:bytes?|bits?)|mega(?:bytes?|bits?)|giga(?:bytes?|bits?))\\b");
    private static final Pattern UNLIMITED = p(
            "\\b(?:unlimit(?:ed)?|no\\s+limit|remove\\s+(?:the\\s+)?(?:\\w+\\s+)?limit|lift\\s+(?:the\\s+)?(?:\\w+\\s+)?limit|without\\s+(?:a\\s+)?limit|full\\s+speed)\\b");

    private static final Pattern LIST_DOWNLOADS = p(
            "^(?:what(?:'s|\\s+is|s)?|whats)\\s+(?:currently\\s+|still\\s+|now\\s+)?(?:downloading|being\\s+downloaded|in\\s+the\\s+(?:download\\s+)?queue|in\\s+progress)"
                    + "|^(?:(?:show|list|display|check|see|view|get)\\s+(?:me\\s+)?)?(?:the\\s+|my\\s+|all\\s+|any\\s+)*(?:active\\s+|current\\s+|running\\s+|ongoing\\s+)?"
                    + "(?:downloads|torrents|tasks|transfers|download\\s+(?:queue|list|status|progress)|queue|download\\s+tasks)$"
                    + "|^how\\s+(?:are|is)\\s+(?:my\\s+|the\\s+)?(?:downloads?|torrents?)(?:\\s+(?:doing|going|coming\\s+along|progressing))?$"
                    + "|^(?:is|are)\\s+(?:anything|something|there\\s+any(?:thing)?|any)\\s+(?:still\\s+)?(?:downloading|downloads?\\s+running|torrents?\\s+running)"
                    + "|^(?:download\\s+)?(?:progress|eta|etas)(?:\\s+of\\s+(?:my\\s+)?downloads)?$|^any\\s+downloads(?:\\s+running)?$"
                    + "|^how\\s+long\\s+(?:until|till|before)\\s+(?:my\\s+|the\\s+)?downloads?\\s+(?:is|are)\\s+(?:done|finished|complete)$");

    private static final Pattern PAUSE = p(
            "^(?:pause|suspend|hold|freeze)\\s*(?:the\\s+)?(?:download(?:ing)?|torrent|task|transfer)?\\s*(?:of\\s+|for\\s+|called\\s+|named\\s+)?(.*)$");
    private static final Pattern RESUME = p(
            "^(?:resume|unpause|un-pause|continue|carry\\s+on\\s+with|keep\\s+downloading|restart\\s+(?:the\\s+)?(?:download|torrent|task)(?:\\s+of)?|retry\\s+(?:the\\s+)?(?:download|torrent|task)?(?:\\s+of)?|start\\s+downloading\\s+(?=.+\\s+again$))"
                    + "\\s*(?:the\\s+)?(?:download(?:ing)?|torrent|task|transfer)?\\s*(?:of\\s+|for\\s+|called\\s+|named\\s+)?(.*?)(?:\\s+again)?$");
    private static final Pattern CANCEL = p(
            "^(?:(?:cancel|abort|drop|kill|stop|remove|delete|trash)\\s+(?:the\\s+)?(?:download(?:ing)?|torrent|task|transfer)\\s+(?:of\\s+|for\\s+|called\\s+|named\\s+)?"
                    + "|stop\\s+downloading\\s+(?:the\\s+)?|(?:cancel|abort)\\s+(?:the\\s+)?)(.+?)(\\s+(?:and|&|,)\\s+(?:also\\s+)?(?:delete|remove|wipe|trash|erase)\\s+(?:the\\s+|its\\s+|all\\s+)?(?:files?|data|downloaded\\s+files?|content)"
                    + "|\\s+(?:with|including)\\s+(?:the\\s+|its\\s+)?(?:files?|data))?$");
    private static final Pattern REMOVE = p(
            "^(?:remove|delete|trash|erase|get\\s+rid\\s+of)\\s+(?:the\\s+)?(.+?)(\\s+(?:and|&|,)\\s+(?:also\\s+)?(?:delete|remove|wipe|erase)\\s+(?:the\\s+|its\\s+|all\\s+)?(?:files?|data)"
                    + "|\\s+(?:with|including)\\s+(?:the\\s+|its\\s+)?(?:files?|data))?$");

    private static final Pattern ACK = p(
            "^(?:ack|acknowledge|acknowledged|ackd|dismiss|silence|snooze|mark\\s+(?:as\\s+)?(?:seen|read|handled|acknowledged)|"
                    + "i(?:'ve|\\s+have)?\\s+seen|seen|got\\s+it\\s+on)\\b\\s*(?:the\\s+|that\\s+|this\\s+|my\\s+)?(?:alerts?(?=\\s|$)\\s*)?(?:(?:about|for|on|called|number|no\\.?)\\s+)?(.*?)(?:\\s+alert)?(?:\\s+as\\s+(?:seen|read|handled))?$");
    private static final Pattern MARK_SEEN = p(
            "^mark\\s+(?:the\\s+|that\\s+|this\\s+)?(.+?)\\s+(?:alert\\s+)?as\\s+(?:seen|read|handled|acknowledged|done)$");
    private static final Pattern ALERTS = p(
            "^(?:(?:show|list|get|check|display|see|view|read)\\s+(?:me\\s+)?)?(?:the\\s+|my\\s+|all\\s+|any\\s+|open\\s+|active\\s+|current\\s+|recent\\s+|new\\s+|unread\\s+)*(?:alerts?|warnings|alarms|problems|issues)$"
                    + "|^(?:any|are\\s+there(?:\\s+any)?|got\\s+any|do\\s+i\\s+have(?:\\s+any)?|is\\s+there(?:\\s+an?y?)?|have\\s+there\\s+been(?:\\s+any)?)\\s+(?:new\\s+|open\\s+|active\\s+|current\\s+)?(?:alerts?|warnings?|problems?|issues?|errors?|alarms?)(?:\\s+.*)?$"
                    + "|^what(?:'s|\\s+is|s)?\\s+(?:wrong|broken|the\\s+problem|going\\s+on)(?:\\s+.*)?$|^(?:is\\s+)?(?:anything|something)\\s+(?:wrong|broken)(?:\\s+.*)?$|^what\\s+(?:alerts|warnings)\\s+.*$");

    private static final Pattern START_VERB = p(
            "^(?:start(?:\\s+up)?|launch|boot(?:\\s+up)?|bring\\s+up|turn\\s+on|power\\s+on|spin\\s+up|fire\\s+up|switch\\s+on|wake(?:\\s+up)?)\\b\\s*(.*)$");
    private static final Pattern STOP_VERB = p(
            "^(?:stop|shut\\s*down|shut\\s+off|turn\\s+off|power\\s+off|power\\s+down|kill|halt|bring\\s+down|take\\s+down|switch\\s+off|terminate)\\b\\s*(.*)$");
    private static final Pattern RESTART_VERB =
            p("^(?:restart|re-start|reboot|bounce|relaunch|reload|cycle|recycle|kick|reset|refresh)\\b\\s*(.*)$");
    private static final Pattern RESTART_TAIL = p(
            "^(.+?)\\s+(?:needs|should\\s+get|should\\s+have|could\\s+use|requires)\\s+(?:a\\s+)?(restart|reboot|kick|stop|start)$");
    private static final Pattern TARGET_WORDS_UP = p("^(.+?)\\s+(up|down|back\\s+up)$");

    private static final Pattern SERVICE_STATUS = p(
            "^(?:is|are)\\s+(?:the\\s+|my\\s+)?(.+?)\\s+(?:still\\s+)?(?:running|up|down|ok|okay|alive|working|online|offline|healthy|started|stopped|reachable|on|dead|broken|fine)(?:\\s+(?:now|again|yet))?$"
                    + "|^(?:status|state|health)\\s+(?:of|for|on)\\s+(?:the\\s+|my\\s+)?(.+)$"
                    + "|^(?:check|ping|probe)\\s+(?:on\\s+)?(?:the\\s+|my\\s+)?(.+?)(?:\\s+(?:status|health))?$"
                    + "|^(?:what(?:'s|\\s+is|s)?\\s+)?(?:the\\s+)?(.+?)(?:'s)?\\s+(?:status|state|health)$"
                    + "|^how(?:'s|\\s+is|s)\\s+(?:the\\s+|my\\s+)?(.+?)(?:\\s+(?:doing|going|looking))?$");
    private static final Pattern LIST_SERVICES = p(
            "^(?:(?:list|show|display|get|see|view)\\s+(?:me\\s+)?)?(?:the\\s+|my\\s+|all\\s+)*(?:running\\s+|configured\\s+|installed\\s+)?(?:services|containers|apps|applications|programs)(?:\\s+(?:list|status|overview))?$"
                    + "|^(?:what|which)\\s+(?:services|containers|apps|applications|programs)(?:\\s+.*)?$"
                    + "|^what(?:'s|\\s+is|s)?\\s+(?:running|up|down|installed|online|offline)(?:\\s+(?:right\\s+)?now)?$|^(?:is\\s+)?anything\\s+(?:down|offline|stopped)$|^who(?:'s|\\s+is)\\s+(?:up|down)$");
    private static final Pattern STATUS = p(
            "^(?:(?:show|get|check|give|what(?:'s|\\s+is|s)?)\\s+(?:me\\s+)?(?:the\\s+|an?\\s+)?)?(?:system\\s+|server\\s+|overall\\s+|hearth\\s+|home\\s*server\\s+|general\\s+)?"
                    + "(?:status|state|health|overview|summary|report|sitrep|health\\s*check|uptime|status\\s+report|status\\s+update)$"
                    + "|^how(?:'s|\\s+is|\\s+are|s)\\s+(?:things|everything|it\\s+going|the\\s+(?:server|system|box|machine|home\\s*server|homelab|lab)|hearth|my\\s+(?:server|system|box|home\\s*server|homelab))(?:\\s+(?:doing|going|looking))?$"
                    + "|^(?:is\\s+)?(?:everything|all)\\s+(?:ok|okay|fine|good|alright|all\\s+right|up|running|working|healthy|well)$"
                    + "|^(?:are\\s+)?(?:all\\s+)?(?:the\\s+|my\\s+)?services\\s+(?:ok|okay|up|running|healthy|fine|good)$|^(?:any\\s+)?news$|^what(?:'s|\\s+is)\\s+up$");

    private static final Pattern HOST_CPU =
            p("\\b(?:cpu|cpus|processor|processors|load|load\\s+average|cores?|how\\s+busy|busy)\\b");
    private static final Pattern HOST_MEMORY = p("\\b(?:ram|memory|mem|swap)\\b");
    private static final Pattern HOST_DISK =
            p("\\b(?:disk|disks|storage|space|drive|drives|ssd|hdd|df|full|free\\s+space|room)\\b");
    private static final Pattern HOST_ALL = p(
            "\\b(?:resources|resource\\s+usage|usage|utili[sz]ation|performance|load\\s+and\\s+memory|vitals|stats|statistics|metrics|temperature|temp|hot)\\b");

    private static final Pattern LOGS = p(
            "^(?:(?:show|get|tail|read|view|see|check|print|display)\\s+(?:me\\s+)?)?(?:the\\s+)?(?:last\\s+)?(?:logs?|log\\s+lines|output)(?:\\s+(?:of|for|from)\\s+(?:the\\s+)?(.+))?$"
                    + "|^(?:(?:show|get|tail|read|view|see|check)\\s+(?:me\\s+)?)?(?:the\\s+)?(.+?)(?:'s)?\\s+(?:logs?|output)$");

    private static final Pattern HELP = p(
            "^(?:help|\\?|h|what\\s+can\\s+(?:you|i)\\s+(?:do|say|ask)(?:\\s+.*)?|what\\s+do\\s+you\\s+do|commands|list\\s+commands|how\\s+do\\s+i\\s+use\\s+(?:you|this|hearth)|usage|menu|options|start|info|about)$");
    private static final Pattern GREETING =
            p("^(?:hi|hello|hey|hiya|howdy|good\\s+(?:morning|afternoon|evening)|greetings|yo|sup)(?:\\s+hearth)?$");
    private static final Pattern THANKS = p(
            "^(?:thanks|thank\\s+you|thx|ty|cheers|great|nice|cool|perfect|awesome|thanks\\s+a\\s+lot|much\\s+appreciated)(?:\\s+hearth)?$");

    private static final Pattern KIND_LEADING = p(
            "^(?:the\\s+)?(movie|film|tv\\s+show|tv\\s+series|show|series|anime|documentary)\\s+(?:called\\s+|named\\s+)?(.+)$");
    private static final Pattern KIND_TRAILING =
            p("^(.+?)\\s+(?:the\\s+)?(movie|film|tv\\s+show|tv\\s+series|show|series)$");
    private static final Pattern SEASON = p(
            "^(?:(?:the\\s+)?(?:season|series)\\s+\\d+\\s+of\\s+|(?:all\\s+(?:the\\s+)?)?(?:seasons|episodes)\\s+of\\s+)(.+)$|^(.+?)\\s+(?:season|s)\\s*\\d+(?:\\s*(?:episode|e)\\s*\\d+)?$");
    private static final Pattern YEAR = p("^(.+?)[\\s(\\[]+((?:19|20)\\d{2})[)\\]]?$");
    private static final Pattern TITLE_VERB = p(
            "^(?:download|get|grab|fetch|find|queue|snag|torrent|get\\s+me|find\\s+me|i\\s+want(?:\\s+to\\s+(?:watch|see))?|i'd\\s+like\\s+to\\s+(?:watch|see)|"
                    + "want\\s+to\\s+(?:watch|see)|start\\s+downloading|begin\\s+downloading|start\\s+a\\s+download\\s+of|add|put\\s+on)\\s+(.+)$");
    private static final Pattern TITLE_CATEGORY = p(
            "^(.+?)\\s+(?:to|into|in|under|as)\\s+(?:the\\s+|my\\s+)?(?:category\\s+)?([\\p{L}\\p{N}_.-]+)(\\s+(?:category|folder|library|directory))?$");
    private static final Set<String> NOT_TITLES = Set.of(
            "status",
            "alerts",
            "alert",
            "logs",
            "log",
            "it",
            "that",
            "this",
            "something",
            "stuff",
            "files",
            "updates",
            "update",
            "help",
            "services",
            "service",
            "downloads",
            "torrents",
            "a movie",
            "a film",
            "a show",
            "movies",
            "more");

    private IntentParser() {}

    private static Pattern p(String regex) {
        return Pattern.compile(regex, FLAGS);
    }

    public static Intent parse(String message) {
        return parseClean(clean(message), message);
    }

    /** The message without politeness, slash-command syntax or closing punctuation; case kept for titles. */
    static String clean(String message) {
        String t = message.replace('\u2019', '\'')
                .replace('\u2018', '\'')
                .replace('\u201c', '"')
                .replace('\u201d', '"')
                .replaceAll("\\s+", " ")
                .trim();
        if (t.startsWith("/"))
            t = t.substring(1).replaceFirst("^(\\w+)@\\w+", "$1").replaceFirst("^(\\w+)_", "$1 ");
        t = t.replaceAll("[.!?\u2026]+$", "").replaceAll("^[,;:\\s]+", "").trim();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Pattern prefix : PREFIXES) {
                Matcher m = prefix.matcher(t);
                if (m.find() && m.end() < t.length()) {
                    t = t.substring(m.end()).trim();
                    changed = true;
                }
            }
            String shorter = SUFFIX.matcher(t).replaceFirst("").trim();
            if (!shorter.isEmpty() && !shorter.equals(t)) {
                t = shorter.replaceAll("[.!?,]+$", "").trim();
                changed = true;
            }
        }
        return t;
    }

    private static Intent parseClean(String t, String original) {
        if (t.isEmpty())
            return original.trim().matches("\\?+") ? new Intent.Help() : new Intent.Unknown(original.trim());
        String lower = t.toLowerCase(Locale.ROOT);
        if (YES.contains(lower)) return new Intent.Confirm();
        if (NO.contains(lower)) return new Intent.Deny();
        if (HELP.matcher(t).matches()) return new Intent.Help();
        if (GREETING.matcher(t).matches()) return new Intent.Greeting();
        if (THANKS.matcher(t).matches()) return new Intent.Thanks();

        Intent refused = refusal(t);
        if (refused != null) return refused;

        Matcher link = LINK.matcher(original);
        if (link.find()) {
            Intent download = linkDownload(t, link.group(1));
            if (download != null) return download;
        }
        Intent limit = speedLimit(t);
        if (limit != null) return limit;
        if (LIST_DOWNLOADS.matcher(t).matches()) return new Intent.ListDownloads();

        Intent task = taskControl(t);
        if (task != null) return task;
        Matcher m = MARK_SEEN.matcher(t);
        if (m.matches()) return new Intent.Acknowledge(trimTarget(m.group(1)));
        m = ACK.matcher(t);
        if (m.matches()) return new Intent.Acknowledge(trimTarget(m.group(1)));
        if (ALERTS.matcher(t).matches()) return new Intent.Alerts();

        Intent service = serviceControl(t);
        if (service != null) return service;
        Intent logs = logs(t);
        if (logs != null) return logs;
        if (STATUS.matcher(t).matches()) return new Intent.Status();
        if (LIST_SERVICES.matcher(t).matches()) return new Intent.ListServices();
        Intent host = host(t);
        if (host != null) return host;
        Intent title = titleDownload(t);
        if (title != null) return title;
        Intent status = serviceStatus(t);
        if (status != null) return status;
        String corrected = correctFirstWord(t);
        if (corrected != null) {
            Intent again = parseClean(corrected, corrected);
            if (!(again instanceof Intent.Unknown) && !(again instanceof Intent.Bare)) return again;
        }
        if (t.matches("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,40}") && t.split(" ").length <= 3) return new Intent.Bare(t);
        return new Intent.Unknown(t);
    }

    private static Intent.@Nullable Refuse refusal(String t) {
        if (REFUSE_SHELL.matcher(t).find()) {
            return new Intent.Refuse(
                    "I don't run shell commands. I can start, stop and restart services, manage downloads and answer about the server: say \"help\".");
        }
        if (REFUSE_WIPE.matcher(t).matches()) {
            return new Intent.Refuse(
                    "I won't delete or wipe things in bulk. I can remove one download or one service's container at a time, after you confirm.");
        }
        if (REFUSE_HOST.matcher(t).matches()) {
            return new Intent.Refuse(
                    "I can't shut down or reboot the host itself, only services on it (say \"restart <service>\").");
        }
        if (REFUSE_SECRETS.matcher(t).find()) {
            return new Intent.Refuse(
                    "I don't show or change keys, passwords, tokens or roles in chat. An admin can manage them under Settings.");
        }
        return null;
    }

    private static @Nullable Intent linkDownload(String t, String url) {
        int at = t.indexOf(url);
        String before = at < 0 ? t : t.substring(0, at).trim();
        String after = at < 0 ? "" : t.substring(at + url.length()).trim();
        Matcher verb = DOWNLOAD_VERB.matcher(before);
        String rest = verb.lookingAt() ? before.substring(verb.end()).trim() : before;
        rest = rest.replaceFirst("(?i)^(?:this|the|a|an)?\\s*(?:magnet(?:\\s+link)?|link|torrent|url|file)?\\s*:?$", "")
                .trim();
        if (!rest.isEmpty()) return null; // other words before the link: not a download request we understand
        String category = null;
        if (!after.isEmpty()) {
            Matcher c = CATEGORY_TAIL.matcher(after);
            if (!c.matches() || c.group(1) == null) return null;
            category = c.group(1).trim();
        }
        String clean = url.replaceAll("[)\\]>,;.!]+$", "");
        return new Intent.DownloadLink(clean, category == null || category.isEmpty() ? null : category);
    }

    private static @Nullable Intent speedLimit(String t) {
        if (!LIMIT_WORDS.matcher(t).find() || !LIMIT_SUBJECT.matcher(t).find()) return null;
        Direction direction = t.matches("(?is).*\\b(?:upload|uploads|ul|seeding|seeds?|upload\\s+speed)\\b.*")
                ? Direction.UPLOAD
                : Direction.DOWNLOAD;
        if (UNLIMITED.matcher(t).find()) return new Intent.SpeedLimit(direction, 0, 0, "unlimited");
        Matcher a = AMOUNT.matcher(t);
        if (!a.find()) return new Intent.SpeedLimit(direction, -1, 0, null);
        double amount = Double.parseDouble(a.group(1).replace(',', '.'));
        String unit = a.group(2) == null ? "" : a.group(2).trim();
        OptionalLong bytes = Rates.bytesPerSecond(amount, unit);
        return bytes.isPresent()
                ? new Intent.SpeedLimit(direction, bytes.getAsLong(), amount, unit)
                : new Intent.SpeedLimit(direction, -1, amount, null);
    }

    private static @Nullable Intent taskControl(String t) {
        Matcher m = CANCEL.matcher(t);
        if (m.matches()) return new Intent.TaskControl(TaskVerb.CANCEL, trimTarget(m.group(1)), m.group(2) != null);
        m = RESUME.matcher(t);
        if (m.matches()) {
            return new Intent.TaskControl(TaskVerb.RESUME, trimTarget(m.group(1)), false);
        }
        m = PAUSE.matcher(t);
        if (m.matches()) return new Intent.TaskControl(TaskVerb.PAUSE, trimTarget(m.group(1)), false);
        m = REMOVE.matcher(t);
        if (m.matches()) return new Intent.Remove(trimTarget(m.group(1)), m.group(2) != null);
        return null;
    }

    private static @Nullable Intent serviceControl(String t) {
        Matcher tail = RESTART_TAIL.matcher(t);
        if (tail.matches()) {
            ServiceVerb verb = switch (tail.group(2).toLowerCase(Locale.ROOT)) {
                case "stop" -> ServiceVerb.STOP;
                case "start" -> ServiceVerb.START;
                default -> ServiceVerb.RESTART;
            };
            return new Intent.ServiceControl(verb, trimTarget(tail.group(1)));
        }
        if (t.matches("(?i)^(?:start|begin)\\s+(?:downloading|to\\s+download|a\\s+download\\s+of)\\s+.+"))
            return null; // a download
        for (var entry : List.of(
                java.util.Map.entry(RESTART_VERB, ServiceVerb.RESTART),
                java.util.Map.entry(STOP_VERB, ServiceVerb.STOP),
                java.util.Map.entry(START_VERB, ServiceVerb.START))) {
            Matcher m = entry.getKey().matcher(t);
            if (m.matches()) {
                String target = m.group(1);
                Matcher up = TARGET_WORDS_UP.matcher(target);
                if (up.matches()) target = up.group(1);
                return new Intent.ServiceControl(entry.getValue(), trimTarget(target));
            }
        }
        return null;
    }

    private static @Nullable Intent logs(String t) {
        Matcher m = LOGS.matcher(t);
        if (!m.matches()) return null;
        String target = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : "";
        target = trimTarget(target);
        return new Intent.Logs(
                SYSTEM_WORDS.contains(target.toLowerCase(Locale.ROOT)) || target.equalsIgnoreCase("hearth's")
                        ? ""
                        : target);
    }

    private static @Nullable Intent host(String t) {
        boolean cpu = HOST_CPU.matcher(t).find();
        boolean memory = HOST_MEMORY.matcher(t).find();
        boolean disk = HOST_DISK.matcher(t).find();
        boolean all = HOST_ALL.matcher(t).find();
        int count = (cpu ? 1 : 0) + (memory ? 1 : 0) + (disk ? 1 : 0);
        if (count == 0 && !all) return null;
        if (count != 1) return new Intent.Host(Metric.ALL);
        return new Intent.Host(cpu ? Metric.CPU : memory ? Metric.MEMORY : Metric.DISK);
    }

    private static @Nullable Intent titleDownload(String t) {
        Matcher verb = TITLE_VERB.matcher(t);
        if (!verb.matches()) return null;
        String rest = verb.group(1).trim().replaceFirst("(?i)^(?:me\\s+)?(?:a\\s+copy\\s+of\\s+)?", "");
        String kind = null;
        Matcher season = SEASON.matcher(rest);
        if (season.matches()) {
            rest = season.group(1) != null ? season.group(1) : season.group(2);
            kind = "series";
        }
        Matcher lead = KIND_LEADING.matcher(rest);
        if (lead.matches()) {
            kind = kindOf(lead.group(1));
            rest = lead.group(2);
        } else {
            Matcher trail = KIND_TRAILING.matcher(rest);
            if (trail.matches() && !trail.group(1).isBlank()) {
                kind = kindOf(trail.group(2));
                rest = trail.group(1);
            }
        }
        String splitTitle = null;
        String splitCategory = null;
        boolean marked = false;
        Matcher cat = TITLE_CATEGORY.matcher(rest);
        if (cat.matches()) {
            splitTitle = cat.group(1).trim();
            splitCategory = cat.group(2).trim();
            marked = cat.group(3) != null;
        }
        Integer year = null;
        Matcher y = YEAR.matcher(rest);
        if (y.matches()) {
            rest = y.group(1).trim();
            year = Integer.parseInt(y.group(2));
        }
        if (splitTitle != null) {
            Matcher sy = YEAR.matcher(splitTitle);
            if (sy.matches()) {
                splitTitle = sy.group(1).trim();
                year = Integer.parseInt(sy.group(2));
            }
        }
        rest = rest.replaceAll("^[\"']|[\"']$", "").trim();
        if (rest.isEmpty() || NOT_TITLES.contains(rest.toLowerCase(Locale.ROOT))) return null;
        return new Intent.DownloadTitle(rest, year, kind, splitTitle, splitCategory, marked);
    }

    private static String kindOf(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.equals("movie") || w.equals("film") || w.equals("documentary") ? "movie" : "series";
    }

    private static @Nullable Intent serviceStatus(String t) {
        Matcher m = SERVICE_STATUS.matcher(t);
        if (!m.matches()) return null;
        String target = null;
        for (int g = 1; g <= m.groupCount() && target == null; g++) target = m.group(g);
        if (target == null) return null;
        target = trimTarget(target);
        if (target.isEmpty() || SYSTEM_WORDS.contains(target.toLowerCase(Locale.ROOT))) return new Intent.Status();
        return new Intent.ServiceStatus(target);
    }

    /** "the plex server" is "plex": articles and the words people add after a service's name go. */
    static String trimTarget(@Nullable String raw) {
        if (raw == null) return "";
        String t = raw.trim().replaceAll("^[\"'“]+|[\"'”]+$", "").trim();
        t = t.replaceFirst("(?i)^(?:the|my|our|that|this|a)\\s+", "");
        t = t.replaceFirst(
                "(?i)\\s+(?:server|service|services|container|containers|app|application|instance|daemon|stack|program|process|one|thing|again|please|up|now)$",
                "");
        t = t.replaceFirst("(?i)\\s+(?:server|service|container|app|instance|download|torrent|task|transfer)$", "");
        return t.replaceAll("^[\"'“]+|[\"'”]+$", "").trim();
    }

    private static @Nullable String correctFirstWord(String text) {
        String[] parts = text.trim().split("\\s+", 2);
        String word = parts[0].toLowerCase(Locale.ROOT);
        if (word.length() < 4) return null;
        for (String verb : VERBS) {
            if (verb.equals(word)) return null;
            int d = NameMatcher.distance(word, verb);
            if (d == 1 || d == 2 && verb.length() >= 7) return verb + (parts.length > 1 ? " " + parts[1] : "");
        }
        return null;
    }
}
