package dev.hearth.assistant.internal;

import dev.hearth.assistant.HistoryEntry;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One user's thread with the assistant, in memory: the last messages (bounded), at most one action waiting for a
 * yes, at most one question waiting for an answer. A turn holds {@link #lock()} so two messages of one user do not
 * interleave (a "yes" must meet the question it answers).
 */
public final class Conversation {
    /** A remembered message; {@code tainted} when it was written after reading upstream data (see ToolLoop). */
    record Remembered(HistoryEntry entry, boolean tainted) {}

    /** An action proposed to the user; only their own next turn runs it. {@code door} is the door it is audited under. */
    public record Pending(String id, Plan.Invoke invoke, String door, String prompt, Instant expiresAt) {}

    /** A question asked back, with the plans its answers stand for. */
    public record Question(Plan.Ask ask, Instant expiresAt) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Remembered> history = new ArrayDeque<>();
    private final int capacity;
    private @Nullable Pending pending;
    private @Nullable Question question;

    Conversation(int capacity) {
        this.capacity = capacity;
    }

    public ReentrantLock lock() {
        return lock;
    }

    public void remember(HistoryEntry entry, boolean tainted) {
        if (capacity == 0) return;
        history.addLast(new Remembered(entry, tainted));
        while (history.size() > capacity) history.removeFirst();
    }

    public List<HistoryEntry> history() {
        return history.stream().map(Remembered::entry).toList();
    }

    /** Whether anything remembered was written after the model read upstream data: then the next turn starts wary. */
    public boolean tainted() {
        return history.stream().anyMatch(Remembered::tainted);
    }

    public @Nullable Pending pending(Instant now) {
        if (pending != null && !pending.expiresAt().isAfter(now)) pending = null;
        return pending;
    }

    public void propose(Pending p) {
        pending = p;
        question = null;
    }

    public void clearPending() {
        pending = null;
    }

    public @Nullable Question question(Instant now) {
        if (question != null && !question.expiresAt().isAfter(now)) question = null;
        return question;
    }

    public void ask(Question q) {
        question = q;
        pending = null;
    }

    public void clearQuestion() {
        question = null;
    }
}
