package dev.hearth.actions;

/**
 * An action's declaration and the feature method that does it. Its result is a record: every door (REST,
 * chat, the LLM's tools, MCP) shows the same typed answer, with the fields the record declares. {@code ready}
 * says whether it can do anything now (media.download needs a manager or an indexer configured), so a door
 * that offers actions (the assistant) leaves out one that could only fail. {@code audit} says when its audit
 * entry is written: at once (every change), or batched within moments (a read made often, such as a proxied GET).
 */
public record Action(ActionSpec spec, Handler handler, java.util.function.BooleanSupplier ready, Audit audit) {

    /** When the catalog writes the entry: {@link #AT_ONCE} before the answer, or {@link #BATCHED} (see {@link AuditLog}). */
    public enum Audit {
        AT_ONCE,
        BATCHED
    }

    public Action(ActionSpec spec, Handler handler, java.util.function.BooleanSupplier ready) {
        this(spec, handler, ready, Audit.AT_ONCE);
    }

    /** An action that can always do its work. */
    public Action(ActionSpec spec, Handler handler) {
        this(spec, handler, () -> true);
    }

    /** A read that changes nothing, audited in batches: only for actions that make no change. */
    public static Action read(ActionSpec spec, Handler handler) {
        return new Action(spec, handler, () -> true, Audit.BATCHED);
    }

    @FunctionalInterface
    public interface Handler {
        Record run(ActionCall call) throws Exception;
    }
}
