package dev.hearth.services.docker;

import java.util.List;
import java.util.Map;

/**
 * What Hearth asks for when it creates a container. Deliberately small: images are never pulled
 * here (there is no registry access on many home servers), so the image must already be present.
 *
 * @param cmd           empty to use the image's own command
 * @param binds         "host-path:container-path[:ro]", or "volume-name:container-path" for a named volume
 * @param networkMode   "none", "host", "bridge" or a network name
 * @param ports         container ports published on the host
 * @param restartPolicy "" (the engine's default, no), "no", "always", "unless-stopped" or "on-failure"
 */
public record ContainerSpec(
        String image,
        List<String> cmd,
        List<String> env,
        Map<String, String> labels,
        List<String> binds,
        String networkMode,
        boolean tty,
        List<PortBinding> ports,
        String restartPolicy) {

    public ContainerSpec {
        cmd = List.copyOf(cmd);
        env = List.copyOf(env);
        labels = Map.copyOf(labels);
        binds = List.copyOf(binds);
        ports = List.copyOf(ports);
    }

    /** An image and command, no network, no TTY. */
    public static ContainerSpec of(String image, String... cmd) {
        return new ContainerSpec(image, List.of(cmd), List.of(), Map.of(), List.of(), "none", false, List.of(), "");
    }

    public ContainerSpec withLabels(Map<String, String> newLabels) {
        return new ContainerSpec(image, cmd, env, newLabels, binds, networkMode, tty, ports, restartPolicy);
    }

    public ContainerSpec withBinds(List<String> newBinds) {
        return new ContainerSpec(image, cmd, env, labels, newBinds, networkMode, tty, ports, restartPolicy);
    }

    public ContainerSpec withTty(boolean newTty) {
        return new ContainerSpec(image, cmd, env, labels, binds, networkMode, newTty, ports, restartPolicy);
    }

    public ContainerSpec withEnv(List<String> newEnv) {
        return new ContainerSpec(image, cmd, newEnv, labels, binds, networkMode, tty, ports, restartPolicy);
    }

    public ContainerSpec withNetworkMode(String newNetworkMode) {
        return new ContainerSpec(image, cmd, env, labels, binds, newNetworkMode, tty, ports, restartPolicy);
    }

    public ContainerSpec withPorts(List<PortBinding> newPorts) {
        return new ContainerSpec(image, cmd, env, labels, binds, networkMode, tty, newPorts, restartPolicy);
    }

    public ContainerSpec withRestartPolicy(String newRestartPolicy) {
        return new ContainerSpec(image, cmd, env, labels, binds, networkMode, tty, ports, newRestartPolicy);
    }
}
