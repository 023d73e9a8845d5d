package dev.hearth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * transmission-daemon on loopback: RPC bound to 127.0.0.1 with rpc-whitelist 127.0.0.1 and basic
 * auth ({@value #USER} / {@value #PASSWORD}), peers on 127.0.0.1, DHT, LPD, PeX, uTP and port
 * forwarding off.
 */
public final class TransmissionDaemon implements AutoCloseable {

    public static final String USER = "hearth";
    public static final String PASSWORD = "transmission-test-pass";

    private final Path configDir;
    private final Path downloads;
    private final int rpcPort = Ports.free();
    private Daemon daemon;

    public TransmissionDaemon(Path root) {
        configDir = root.resolve("config");
        downloads = root.resolve("downloads");
        try {
            Files.createDirectories(configDir);
            Files.createDirectories(downloads);
            Files.writeString(configDir.resolve("settings.json"), """
                    {
                      "rpc-enabled": true, "rpc-bind-address": "127.0.0.1", "rpc-port": %d,
                      "rpc-whitelist-enabled": true, "rpc-whitelist": "127.0.0.1",
                      "rpc-authentication-required": true, "rpc-username": "%s", "rpc-password": "%s",
                      "dht-enabled": false, "lpd-enabled": false, "pex-enabled": false, "utp-enabled": false,
                      "port-forwarding-enabled": false, "bind-address-ipv4": "127.0.0.1", "bind-address-ipv6": "::1",
                      "peer-port": %d, "peer-port-random-on-start": false,
                      "download-dir": "%s", "incomplete-dir-enabled": false, "rename-partial-files": false,
                      "start-added-torrents": true, "message-level": 1
                    }
                    """.formatted(
                            rpcPort, USER, PASSWORD, Ports.free(), downloads));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    public void start() {
        daemon = Daemon.start(
                "transmission-daemon",
                List.of("transmission-daemon", "-f", "-g", configDir.toString()),
                configDir,
                Map.of("HOME", configDir.toString()),
                configDir.resolve("daemon.log"));
        daemon.awaitHttp(url().resolve("transmission/rpc"), Duration.ofSeconds(20));
    }

    public void kill() {
        daemon.kill();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + rpcPort + "/");
    }

    public Path downloads() {
        return downloads;
    }

    @Override
    public void close() {
        daemon.stop();
    }
}
