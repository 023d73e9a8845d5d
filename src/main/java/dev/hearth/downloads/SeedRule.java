package dev.hearth.downloads;

import org.jspecify.annotations.Nullable;

/**
 * Auto-delete after seeding: the task is removed (its data too if {@code deleteData}) once its share ratio
 * reaches {@code ratioLimit} or it has seeded for {@code seedMinutes} since it completed, whichever comes
 * first. A null limit is off; at least one is set.
 */
public record SeedRule(
        @Nullable Double ratioLimit, @Nullable Long seedMinutes, boolean deleteData) {
    public SeedRule {
        if (ratioLimit == null && seedMinutes == null) throw new IllegalArgumentException("a rule needs a limit");
    }
}
