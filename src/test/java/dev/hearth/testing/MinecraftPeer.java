package dev.hearth.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An independent Minecraft counterpart run by node: the npm package {@code minecraft-protocol} answers Server List
 * Ping, and {@code peer.js} (test resources) serves RCON. The package is installed once into {@code target/minecraft-peer}
 * with npm; each peer is stopped by closing its standard input, or by its pid.
 */
public final class MinecraftPeer implements AutoCloseable {
    public static final String PACKAGE = "minecraft-protocol@1.68.0";
    private static final Path DIR = Path.of("target", "minecraft-peer").toAbsolutePath();
    private final Process process;
    public final List<String> commands = new CopyOnWriteArrayList<>();

    private MinecraftPeer(Process process) {
        this.process = process;
    }

    private static synchronized void install() throws IOException, InterruptedException {
        Files.createDirectories(DIR);
        try (InputStream in = MinecraftPeer.class.getResourceAsStream("/dev/hearth/minecraft/peer.js")) {
            Files.copy(in, DIR.resolve("peer.js"), StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(DIR.resolve("node_modules/minecraft-protocol"))) return;
        Files.writeString(DIR.resolve("package.json"), "{\"name\":\"hearth-minecraft-peer\",\"private\":true}");
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error", PACKAGE)
                .directory(DIR.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0)
            throw new IllegalStateException("npm install " + PACKAGE + " failed:\n" + out);
    }

    public static MinecraftPeer start(
            int slpPort, int rconPort, String password, String version, String motd, int online, int max) {
        try {
            install();
            Process p = new ProcessBuilder(
                            "node",
                            "peer.js",
                            String.valueOf(slpPort),
                            String.valueOf(rconPort),
                            password,
                            version,
                            motd,
                            String.valueOf(online),
                            String.valueOf(max))
                    .directory(DIR.toFile())
                    .redirectErrorStream(true)
                    .start();
            MinecraftPeer peer = new MinecraftPeer(p);
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            List<String> early = new CopyOnWriteArrayList<>();
            java.util.concurrent.atomic.AtomicBoolean ready = new java.util.concurrent.atomic.AtomicBoolean();
            Thread.ofVirtual().start(() -> {
                try {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.equals("ready")) ready.set(true);
                        else if (line.startsWith("rcon: ")) peer.commands.add(line.substring(6));
                        else early.add(line);
                    }
                } catch (IOException ignored) {
                    // the peer ended
                }
            });
            Await.untilTrue(Duration.ofSeconds(30), "the Minecraft peer to listen", () -> {
                if (!p.isAlive()) throw new IllegalStateException("the Minecraft peer ended: " + early);
                return ready.get();
            });
            return peer;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
