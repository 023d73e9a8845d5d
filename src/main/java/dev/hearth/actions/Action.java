package dev.hearth.actions;

/**
 * An action's declaration and the feature method that does it. Its result is a record: every door (REST,
 * chat, the LLM's tools, MCP) shows the same typed answer, with the fields the record declares.
 */
public record Action(ActionSpec spec, Handler handler) {

    @FunctionalInterface
    public interface Handler {
        Record run(ActionCall call) throws Exception;
    }
}
