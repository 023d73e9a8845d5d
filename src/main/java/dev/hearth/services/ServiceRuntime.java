package dev.hearth.services;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The capability "Hearth can start, stop and measure this service", whatever runs it: a container on a
 * Docker endpoint or a native program Hearth supervises. Failures of the runtime itself (an engine that
 * does not answer, a container that is gone) are thrown as ApiException with the code a user needs.
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

    /** The last {@code tail} lines (all if negative), only those after {@code since} when given. */
    List<ServiceLogLine> logs(int tail, @Nullable Instant since);

    /** Follows the output live from the last {@code tail} lines until the handle is closed. */
    AutoCloseable follow(int tail, Consumer<ServiceLogLine> consumer);

    /** CPU, memory, network and block I/O now (may take about a second for a container). */
    ResourceUsage stats();
}
