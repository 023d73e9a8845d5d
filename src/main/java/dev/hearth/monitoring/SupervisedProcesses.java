package dev.hearth.monitoring;

import java.util.Map;

/**
 * The pids of the processes Hearth supervises, by service name. The services feature implements it for
 * its process runtime; monitoring measures each pid from {@code /proc/<pid>} itself.
 */
public interface SupervisedProcesses {
    Map<String, Long> pids();
}
