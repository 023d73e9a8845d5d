package dev.hearth.services;

/**
 * The capability "Hearth can start and stop this service", whatever runs it: a container on a Docker
 * endpoint or a native program Hearth supervises. What else a runtime can do is a facet it may implement
 * ({@link Loggable}, {@link Measurable}, {@link Removable}), so callers ask for the facet, never for the
 * class. Failures of the runtime itself (an engine that does not answer, a container that is gone) are
 * thrown as ApiException with the code a user needs.
 */
public interface ServiceRuntime {

    /** {@code docker} or {@code process}. */
    String kind();

    /** The state now; never throws: an engine that does not answer is {@link RunState#UNREACHABLE}. */
    RuntimeStatus status();

    /** Starts it if it is not running; answers the state after the start. */
    RuntimeStatus start();

    /** Stops it through Hearth: the exit that follows is expected, never alertable. */
    RuntimeStatus stop();

    RuntimeStatus restart();
}
