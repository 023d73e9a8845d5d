package dev.hearth.assistant.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every conversation in memory, bounded twice: {@code memoryTurns} messages each, {@code maxConversations} in all
 * (the one idle longest is forgotten first). Nothing is written to disk: a restart forgets chats, not actions.
 */
public final class Conversations {
    private final int memoryTurns;
    private final Map<String, Conversation> byKey;

    public Conversations(int memoryTurns, int maxConversations) {
        this.memoryTurns = memoryTurns;
        this.byKey = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Conversation> eldest) {
                return size() > maxConversations;
            }
        };
    }

    public synchronized Conversation get(String key) {
        return byKey.computeIfAbsent(key, k -> new Conversation(memoryTurns));
    }

    /** Forgets every conversation (their history and pending confirmations); answers how many. */
    public synchronized int clear() {
        int n = byKey.size();
        byKey.clear();
        return n;
    }

    public synchronized int size() {
        return byKey.size();
    }
}
