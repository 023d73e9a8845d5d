package dev.hearth.downloads.qbittorrent;

/** qBittorrent's Web API version ({@code app/webapiVersion}, e.g. 2.8.19 for 4.5.2, 2.11.x for 5.0). */
record WebApiVersion(int major, int minor) {

    static WebApiVersion parse(String text) {
        String[] parts = text.strip().split("\\.");
        try {
            return new WebApiVersion(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
        } catch (NumberFormatException e) {
            // An unreadable version: assume the older names, which 4.x has and 5.x answers with 404.
            return new WebApiVersion(2, 0);
        }
    }

    /** 5.0 (Web API 2.11) renamed torrents/pause|resume to stop|start. */
    boolean hasStartStop() {
        return major > 2 || (major == 2 && minor >= 11);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
