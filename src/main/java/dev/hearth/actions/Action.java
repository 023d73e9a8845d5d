package dev.hearth.actions;

/**
 * An action's declaration and the feature method that does it. Its result is a record: every door (REST,
 * chat, the LLM's tools, MCP) shows the same typed answer, with the fields the record declares. {@code ready}
 * says whether it can do anything now (media.download needs a manager or an indexer configured), so a door
 * that offers actions (the assistant) leaves out one that could only fail.
 */
public record Action(ActionSpec spec, Handler handler, java.util.function.BooleanSupplier ready) {

    /** An action that can always do its work. */
    public Action(ActionSpec spec, Handler handler) {
        this(spec, handler, () -> true);
    }

    @FunctionalInterface
    public interface Handler {
        Record run(ActionCall call) throws Exception;
    }
}
