package dev.hearth.downloads;

/**
 * A download client whose speed can be capped, for the whole client and for one task. Declared by a kind as
 * {@code Capability.of(SpeedLimits.class)}; the downloads feature asks the registry for it, never for a kind.
 * Hearth's unit is the one of Deluge and of Moccha's {@code max_download_speed}: KiB/s, 0 for no limit. Each
 * client converts to its daemon's own unit (bytes/s for qBittorrent and aria2, kB/s for Transmission).
 */
public interface SpeedLimits {

    /** Download and upload caps in KiB/s; 0 means unlimited. */
    record Limits(long downloadKiBps, long uploadKiBps) {
        public static final Limits NONE = new Limits(0, 0);

        public Limits {
            if (downloadKiBps < 0 || uploadKiBps < 0) throw new IllegalArgumentException("limits are 0 or more");
        }
    }

    Limits globalLimits();

    void setGlobalLimits(Limits limits);

    Limits taskLimits(String id);

    void setTaskLimits(String id, Limits limits);

    /** A daemon's "unlimited" (0, -1, or a disabled flag) as Hearth's 0. */
    static long orUnlimited(long value) {
        return Math.max(0, value);
    }
}
