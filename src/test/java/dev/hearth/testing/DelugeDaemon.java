package dev.hearth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * deluged and deluge-web on loopback, each with its own config directory, pre-seeded so that DHT,
 * LSD, UPnP, NAT-PMP and PeX are off, the daemon listens on 127.0.0.1 only, and deluge-web's host
 * list names this daemon. Both logs are discarded: this build logs endless harmless tracebacks.
 * Web UI password: {@value #PASSWORD}.
 */
public final class DelugeDaemon implements AutoCloseable {

    public static final String PASSWORD = "deluge";

    private final Path daemonDir;
    private final Path webDir;
    private final Path downloads;
    private final int rpcPort = Ports.free();
    private final int peerPort = Ports.free();
    private final int webPort = Ports.free();
    private Daemon daemon;
    private Daemon web;

    public DelugeDaemon(Path root) {
        daemonDir = root.resolve("daemon");
        webDir = root.resolve("web");
        downloads = root.resolve("downloads");
        String localPassword = HexFormat.of().formatHex(randomBytes(20));
        try {
            Files.createDirectories(daemonDir);
            Files.createDirectories(webDir);
            Files.createDirectories(downloads);
            Files.writeString(daemonDir.resolve("auth"), "localclient:" + localPassword + ":10\n");
            Files.writeString(daemonDir.resolve("core.conf"), """
                    {"file": 1, "format": 1}{
                      "dht": false, "lsd": false, "upnp": false, "natpmp": false, "utpex": false,
                      "new_release_check": false, "allow_remote": false,
                      "listen_interface": "127.0.0.1", "outgoing_interface": "lo",
                      "random_port": false, "listen_ports": [%d, %d],
                      "download_location": "%s", "move_completed": false
                    }""".formatted(peerPort, peerPort, downloads));
            Files.writeString(webDir.resolve("hostlist.conf"), """
                    {"file": 3, "format": 1}{
                      "hosts": [["%s", "127.0.0.1", %d, "localclient", "%s"]]
                    }""".formatted(
                            HexFormat.of().formatHex(randomBytes(16)), rpcPort, localPassword));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startDaemon();
        startWeb();
    }

    public void startDaemon() {
        daemon = Daemon.start(
                "deluged",
                List.of(
                        "deluged",
                        "-d",
                        "-c",
                        daemonDir.toString(),
                        "-u",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(rpcPort),
                        "-i",
                        "127.0.0.1",
                        "-o",
                        "lo",
                        "-L",
                        "none"),
                daemonDir,
                Map.of("HOME", daemonDir.toString()),
                Path.of("/dev/null"));
        daemon.awaitPort(rpcPort, Duration.ofSeconds(20));
    }

    public void startWeb() {
        web = Daemon.start(
                "deluge-web",
                List.of(
                        "deluge-web",
                        "-d",
                        "-c",
                        webDir.toString(),
                        "-i",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(webPort),
                        "-L",
                        "none"),
                webDir,
                Map.of("HOME", webDir.toString()),
                Path.of("/dev/null"));
        web.awaitHttp(url().resolve("json"), Duration.ofSeconds(20));
    }

    public void killWeb() {
        web.kill();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + webPort + "/");
    }

    public Path downloads() {
        return downloads;
    }

    @Override
    public void close() {
        web.stop();
        daemon.stop();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
