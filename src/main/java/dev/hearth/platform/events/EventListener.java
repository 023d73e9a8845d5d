package dev.hearth.platform.events;

/**
 * Receives events of one type. A crash can deliver an event twice, so {@link #on} must be idempotent.
 * Listeners are CDI beans; the bus finds them.
 */
public interface EventListener<E extends HearthEvent> {
    Class<E> type();

    void on(E event) throws Exception;
}
