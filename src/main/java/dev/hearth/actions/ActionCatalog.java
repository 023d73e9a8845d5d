package dev.hearth.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place an action runs: its role is checked, its parameters are checked against its spec, and
 * the call is audited with its outcome, whichever door it came through.
 */
@Singleton
public class ActionCatalog {
    private static final List<String> SECRET_WORDS = List.of("password", "secret", "token", "key", "credential");
    private final Map<String, Action> actions = new LinkedHashMap<>();
    private final AuditLog audit;
    private final List<RuntimeActions> runtime;

    @jakarta.inject.Inject
    public ActionCatalog(Instance<ActionProvider> providers, Instance<RuntimeActions> runtime, AuditLog audit) {
        this(
                providers.stream().flatMap(p -> p.actions().stream()).toList(),
                runtime.stream().toList(),
                audit);
    }

    ActionCatalog(Collection<Action> all, AuditLog audit) {
        this(all, List.of(), audit);
    }

    ActionCatalog(Collection<Action> all, List<RuntimeActions> runtime, AuditLog audit) {
        this.audit = audit;
        this.runtime = List.copyOf(runtime);
        all.stream().sorted(Comparator.comparing(a -> a.spec().id())).forEach(a -> {
            if (actions.putIfAbsent(a.spec().id(), a) != null) {
                throw new IllegalStateException(
                        "action declared twice: " + a.spec().id());
            }
        });
    }

    public List<ActionSpec> list() {
        List<ActionSpec> all = new java.util.ArrayList<>(
                actions.values().stream().map(Action::spec).toList());
        for (Action a : runtimeActions()) {
            if (!actions.containsKey(a.spec().id())) all.add(a.spec());
        }
        all.sort(Comparator.comparing(ActionSpec::id));
        return all;
    }

    private List<Action> runtimeActions() {
        return runtime.stream().flatMap(r -> r.current().stream()).toList();
    }

    /** Whether an id belongs to a built-in action (a plugin may not take it). */
    public boolean builtIn(String id) {
        return actions.containsKey(id);
    }

    /** Whether the action can do its work now (see {@link Action#ready()}). */
    public boolean ready(String id) {
        return find(id).ready().getAsBoolean();
    }

    public ActionSpec spec(String id) {
        return find(id).spec();
    }

    private Action find(String id) {
        Action a = actions.get(id);
        if (a != null) return a;
        List<Action> extra = runtimeActions();
        for (Action r : extra) {
            if (r.spec().id().equals(id)) return r;
        }
        List<String> known = new java.util.ArrayList<>(actions.keySet());
        extra.forEach(r -> known.add(r.spec().id()));
        throw ApiException.notFound("Action", id, known);
    }

    /**
     * Runs an action for a caller. The role comes first: a caller who may not run it learns nothing of the
     * parameter rules, and the audit keeps only the action and the names of the parameters sent, so a
     * refused call cannot fill the audit with its values.
     */
    public Record invoke(String id, @org.jspecify.annotations.Nullable JsonNode params, Caller caller, String door) {
        Action action = find(id);
        ActionSpec spec = action.spec();
        if (!caller.may(spec.role())) {
            audit.record(
                    caller,
                    door,
                    id,
                    AuditLog.names(params),
                    "forbidden",
                    "needs " + spec.role().id(),
                    0);
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "This needs the " + spec.role().id() + " role; you have "
                            + caller.role().id(),
                    Map.of(
                            "required_role",
                            spec.role().id(),
                            "your_role",
                            caller.role().id()));
        }
        ObjectNode checked = check(spec, params);
        JsonNode audited = redact(checked);
        long start = System.nanoTime();
        AuditWrite write = action.audit() == Action.Audit.BATCHED ? audit::recordSoon : audit::record;
        try {
            Record result = action.handler().run(new ActionCall(caller, door, checked));
            write.entry(caller, door, id, audited, "ok", "", (System.nanoTime() - start) / 1_000_000);
            return result;
        } catch (ApiException e) {
            write.entry(
                    caller,
                    door,
                    id,
                    audited,
                    e.code().name().toLowerCase(),
                    String.valueOf(e.getMessage()),
                    (System.nanoTime() - start) / 1_000_000);
            throw e;
        } catch (Exception e) {
            write.entry(
                    caller,
                    door,
                    id,
                    audited,
                    "error",
                    String.valueOf(e.getMessage()),
                    (System.nanoTime() - start) / 1_000_000);
            if (e instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface AuditWrite {
        void entry(
                Caller caller,
                String door,
                String action,
                JsonNode params,
                String outcome,
                String message,
                long durationMs);
    }

    private static ObjectNode check(ActionSpec spec, @org.jspecify.annotations.Nullable JsonNode params) {
        if (params != null && !params.isNull() && !params.isObject()) {
            throw new ApiException(ErrorCode.INVALID_INPUT, "Parameters must be a JSON object");
        }
        ObjectNode obj =
                params == null || params.isNull() ? JsonNodeFactory.instance.objectNode() : (ObjectNode) params;
        Set<String> known = spec.params().stream().map(ActionSpec.Param::name).collect(Collectors.toSet());
        obj.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new ApiException(
                        ErrorCode.INVALID_INPUT,
                        "Unknown parameter '" + name + "' for " + spec.id(),
                        Map.of("field", name, "known", known.stream().sorted().toList()));
            }
        });
        for (ActionSpec.Param p : spec.params()) {
            JsonNode v = obj.get(p.name());
            if (v == null || v.isNull()) {
                if (p.required()) throw ApiException.invalid(p.name(), "is required (" + p.description() + ")");
                continue;
            }
            boolean ok = switch (p.type()) {
                case STRING -> v.isTextual();
                case INTEGER -> v.isIntegralNumber();
                case NUMBER -> v.isNumber();
                case BOOLEAN -> v.isBoolean();
                case OBJECT -> v.isObject();
            };
            if (!ok)
                throw ApiException.invalid(
                        p.name(), "must be " + p.type().name().toLowerCase());
        }
        return obj;
    }

    /** Masks any field, at any depth, whose name says it holds a secret, before it reaches the audit log. */
    static JsonNode redact(JsonNode node) {
        JsonNode copy = node.deepCopy();
        mask(copy);
        return copy;
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            List<String> names = new java.util.ArrayList<>();
            obj.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                if (SECRET_WORDS.stream().anyMatch(lower::contains)
                        && !obj.get(name).isContainerNode()) {
                    obj.put(name, "********");
                } else {
                    mask(obj.get(name));
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(ActionCatalog::mask);
        }
    }
}
