package dev.hearth.platform.integration;

/**
 * One service's integration, made by its {@link IntegrationKind}. The instance also implements the
 * interface of every capability its kind declares ({@code DownloadClient}, {@code MediaServer}); the
 * runtime facets a feature needs are further interfaces it may implement.
 */
public interface Integration {

    /**
     * Asks the upstream, once, what every consumer needs: its health, and the data of its capability that
     * is worth keeping fresh (a download client's task list). One poller calls this once per interval and
     * every reader uses the answer. Never throws and never hangs past the service's timeout: a failure is
     * a reading with an OFFLINE health ({@link HealthProbe} maps it).
     */
    Reading poll();
}
