/**
 * The process runtime: native programs Hearth starts and supervises (restart policy with exponential
 * backoff and a crash-loop limit, rotating output files, CPU and memory from /proc), the embedded
 * default where there is no Docker. Public: {@link dev.hearth.services.process.ProcessRuntimes} and
 * {@link dev.hearth.services.process.ProcessSupervisor}.
 */
@org.jspecify.annotations.NullMarked
package dev.hearth.services.process;
