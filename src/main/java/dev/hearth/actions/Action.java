package dev.hearth.actions;

/** An action's declaration and the feature method that does it. */
public record Action(ActionSpec spec, Handler handler) {

    @FunctionalInterface
    public interface Handler {
        Object run(ActionCall call) throws Exception;
    }
}
