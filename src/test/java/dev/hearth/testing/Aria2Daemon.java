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
 * aria2c with RPC on loopback only (--rpc-listen-all=false), a secret token, peers bound to
 * 127.0.0.1, DHT, LPD and PeX off, no config file.
 */
public final class Aria2Daemon implements AutoCloseable {

    public static final String TOKEN = "aria2-test-secret";

    private final Path root;
    private final Path downloads;
    private final int rpcPort = Ports.free();
    private final int peerPort = Ports.free();
    private Daemon daemon;

    public Aria2Daemon(Path root) {
        this.root = root;
        this.downloads = root.resolve("downloads");
        try {
            Files.createDirectories(downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    public void start() {
        daemon = Daemon.start(
                "aria2c",
                List.of(
                        "aria2c",
                        "--no-conf",
                        "--enable-rpc",
                        "--rpc-listen-all=false",
                        "--rpc-listen-port=" + rpcPort,
                        "--rpc-secret=" + TOKEN,
                        "--interface=127.0.0.1",
                        "--enable-dht=false",
                        "--enable-dht6=false",
                        "--bt-enable-lpd=false",
                        "--enable-peer-exchange=false",
                        "--listen-port=" + peerPort,
                        "--dir=" + downloads,
                        "--auto-file-renaming=false",
                        "--quiet=true"),
                root,
                Map.of("HOME", root.toString()),
                root.resolve("aria2.log"));
        daemon.awaitHttp(url().resolve("jsonrpc"), Duration.ofSeconds(20));
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
