package dev.hearth.hub.vault;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the master key comes from. {@code HEARTH_MASTER_KEY} (base64 of 32 bytes) wins when set: the key then
 * never touches the disk, and a rotation needs the new key given (the owner puts it into the environment).
 * Otherwise the key file {@code vault.key} in the data dir, created 0600 the first time a value is stored.
 */
public sealed interface KeySource {

    String ENV = "HEARTH_MASTER_KEY";
    String FILE_NAME = "vault.key";

    /** What to say about the source (never the key). */
    String describe();

    record Environment(MasterKey key) implements KeySource {
        @Override
        public String describe() {
            return ENV;
        }
    }

    record File(Path path) implements KeySource {
        @Override
        public String describe() {
            return "the key file " + path;
        }
    }

    /** The environment's key when {@code HEARTH_MASTER_KEY} is set (an invalid one fails here, naming the variable), else the data dir's file. */
    static KeySource of(Path dataDir, Function<String, Optional<String>> env) {
        Optional<String> fromEnv = env.apply(ENV).filter(v -> !v.isBlank());
        if (fromEnv.isPresent()) {
            return new Environment(MasterKey.fromBase64(fromEnv.get(), ENV));
        }
        return new File(dataDir.resolve(FILE_NAME));
    }
}
