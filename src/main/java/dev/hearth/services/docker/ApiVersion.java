package dev.hearth.services.docker;

/** A Docker Engine API version such as 1.41, ordered numerically (1.9 &lt; 1.41). */
record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    /** The newest API whose shapes this client was written against. */
    static final ApiVersion MAX = new ApiVersion(1, 47);
    /** Older engines lack fields we read (e.g. online_cpus); Debian 12's engine speaks 1.41. */
    static final ApiVersion MIN = new ApiVersion(1, 40);

    static ApiVersion parse(String text) {
        String[] parts = text.trim().split("\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not an API version: " + text);
        }
        return new ApiVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    /** What to speak to an engine that offers {@code engine}: the newer of the two we both know. */
    static ApiVersion negotiate(ApiVersion engine) {
        return engine.compareTo(MAX) < 0 ? engine : MAX;
    }

    @Override
    public int compareTo(ApiVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
