package dev.hearth.services.docker;

/**
 * A container port published on the host ({@code docker run -p hostIp:hostPort:containerPort/protocol}).
 *
 * @param hostIp "" for every address, or e.g. "127.0.0.1" to keep it to this machine
 */
public record PortBinding(int containerPort, String protocol, String hostIp, int hostPort) {

    public static PortBinding tcp(String hostIp, int hostPort, int containerPort) {
        return new PortBinding(containerPort, "tcp", hostIp, hostPort);
    }

    /** The engine's key for the container side, e.g. "25565/tcp". */
    public String key() {
        return containerPort + "/" + protocol;
    }
}
