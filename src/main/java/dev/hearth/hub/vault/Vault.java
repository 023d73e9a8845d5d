package dev.hearth.hub.vault;

import dev.hearth.platform.logging.LogValues;
import dev.hearth.platform.storage.Database;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Credentials per service and field (username, password, api_key, token, …), sealed at rest with AES-256-GCM.
 *
 * <p>{@link #put} seals and stores; {@link #get} and {@link #credentials} open, for Hearth's own use when it calls
 * the service (never for an answer); {@link #metadata} is what a person may see. The master key is loaded at first
 * use: from {@code HEARTH_MASTER_KEY}, or the data dir's key file, created at the first {@code put}.
 *
 * <p>{@link #rotate} re-seals every value under a new key. Two stores change, the database and the key file, so the
 * new key is first written beside the old one ({@code vault.key.next}, the journal), then every value is re-sealed
 * in one transaction, then the new key replaces the old in one rename. Whatever point an interruption hits, the next
 * start finds either no journal, or a journal whose key no value uses yet (rolled back: the journal goes), or one that
 * values use (completed: the journal becomes the key). Nothing is ever sealed under a key that is not on disk.
 *
 * <p>One lock serialises the vault's work in this process: values are few and small, and a rotation must not race a
 * write sealed under the key it is replacing.
 *
 * <p>A service's opened values are kept in memory once read (a proxied call would otherwise read the database and
 * decrypt on every request): dropped at once when this process changes them (set, removed, rotated), and read again
 * after {@link #OPENED_FOR} at the latest, so a change another process made to the same database (the CLI's import) is
 * seen within it. Java strings cannot be wiped; the cache holds the same values the service's client holds anyway.
 */
public final class Vault {
    private static final Logger LOG = Logger.getLogger(Vault.class);
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern FIELD = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    /** A password, a key or a token; 8,000 characters is far past any of them and keeps a row small. */
    public static final int MAX_VALUE_CHARS = 8000;
    /** How long a service's opened values are reused before the database is read again. */
    public static final java.time.Duration OPENED_FOR = java.time.Duration.ofMinutes(1);

    private record Opened(Map<String, String> values, Instant readAt) {}

    private record Row(String service, String field, String keyId, String nonce, String sealed) {
        Sealer.Sealed sealedValue() {
            return new Sealer.Sealed(keyId, nonce, sealed);
        }
    }

    private final Database db;
    private final KeySource source;
    private final @Nullable KeyFile keyFile;
    private final Clock clock;
    private final RotationObserver observer;
    private final SecureRandom random = new SecureRandom();
    private final Sealer sealer = new Sealer(random);
    private final ReentrantLock lock = new ReentrantLock();
    private @Nullable MasterKey key; // guarded by lock
    private boolean loaded; // guarded by lock
    /** Filled under the lock, emptied under the lock: a reader never puts back what a writer just dropped. */
    private final java.util.concurrent.ConcurrentHashMap<String, Opened> opened =
            new java.util.concurrent.ConcurrentHashMap<>();

    public Vault(Database db, KeySource source, Clock clock) {
        this(db, source, clock, RotationObserver.NONE);
    }

    public Vault(Database db, KeySource source, Clock clock, RotationObserver observer) {
        this.db = db;
        this.source = source;
        this.keyFile = source instanceof KeySource.File f ? new KeyFile(f.path()) : null;
        this.clock = clock;
        this.observer = observer;
    }

    /** Seals {@code value} for {@code service}'s {@code field}, replacing what was there. */
    public SecretMetadata put(String service, String field, String value, String by) {
        checkNames(service, field);
        if (value.isEmpty() || value.length() > MAX_VALUE_CHARS) {
            throw new IllegalArgumentException("the value of " + service + "." + field + " must be 1 to "
                    + MAX_VALUE_CHARS + " characters (it has " + value.length() + ")");
        }
        if (by.isBlank()) {
            throw new IllegalArgumentException("who set " + service + "." + field + " must be named");
        }
        String setBy = by.length() > 128 ? by.substring(0, 128) : by;
        lock.lock();
        try {
            MasterKey k = keyForWriting();
            Sealer.Sealed sealed = sealer.seal(k, service, field, value);
            Instant now = clock.instant();
            db.update(
                    "INSERT INTO hub_vault (service, field, key_id, nonce, sealed, set_at, set_by) VALUES (?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (service, field) DO UPDATE SET key_id = excluded.key_id, nonce = excluded.nonce,"
                            + " sealed = excluded.sealed, set_at = excluded.set_at, set_by = excluded.set_by",
                    service,
                    field,
                    sealed.keyId(),
                    sealed.nonce(),
                    sealed.ciphertext(),
                    now.toEpochMilli(),
                    setBy);
            opened.remove(service);
            LOG.infof("Vault: %s.%s set by %s", service, field, LogValues.safe(setBy));
            return new SecretMetadata(service, field, now, setBy);
        } finally {
            lock.unlock();
        }
    }

    /** The value in clear, for Hearth's own calls to the service; never put it in an answer or a log. */
    public Optional<String> get(String service, String field) {
        checkNames(service, field);
        return Optional.ofNullable(credentials(service).get(field));
    }

    /** Every field of {@code service} in clear, e.g. to lay over its {@code hearth.yml} credentials. */
    public Map<String, String> credentials(String service) {
        checkService(service);
        Opened cached = opened.get(service);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.readAt().plus(OPENED_FOR))) {
            return cached.values();
        }
        lock.lock();
        try {
            load();
            Map<String, String> out = new LinkedHashMap<>();
            for (Row r : db.query(
                    "SELECT service, field, key_id, nonce, sealed FROM hub_vault WHERE service = ? ORDER BY field",
                    Vault::row,
                    service)) {
                out.put(r.field(), open(r));
            }
            Map<String, String> values = java.util.Collections.unmodifiableMap(out);
            opened.put(service, new Opened(values, now));
            return values;
        } finally {
            lock.unlock();
        }
    }

    /** What is set for {@code service}, when and by whom. */
    public List<SecretMetadata> metadata(String service) {
        checkService(service);
        return db.query(
                "SELECT service, field, set_at, set_by FROM hub_vault WHERE service = ? ORDER BY field",
                rs -> new SecretMetadata(
                        rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)),
                service);
    }

    public boolean remove(String service, String field, String by) {
        checkNames(service, field);
        lock.lock();
        try {
            boolean removed = db.update("DELETE FROM hub_vault WHERE service = ? AND field = ?", service, field) > 0;
            opened.remove(service);
            if (removed) {
                LOG.infof("Vault: %s.%s removed by %s", service, field, LogValues.safe(by));
            }
            return removed;
        } finally {
            lock.unlock();
        }
    }

    /** Removes every value of {@code service} (the service was removed); answers how many. */
    public int removeService(String service, String by) {
        checkService(service);
        lock.lock();
        try {
            int removed = db.update("DELETE FROM hub_vault WHERE service = ?", service);
            opened.remove(service);
            if (removed > 0) {
                LOG.infof("Vault: %d values of %s removed by %s", removed, service, LogValues.safe(by));
            }
            return removed;
        } finally {
            lock.unlock();
        }
    }

    public VaultStatus status() {
        lock.lock();
        try {
            load();
            long entries = db.count("SELECT COUNT(*) FROM hub_vault");
            MasterKey k = key;
            long other = k == null ? entries : db.count("SELECT COUNT(*) FROM hub_vault WHERE key_id <> ?", k.id());
            return new VaultStatus(source.describe(), k == null ? null : k.id(), entries, other);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Re-seals everything under a new random key and replaces the key file. With {@code HEARTH_MASTER_KEY} Hearth
     * cannot replace the key where it lives: use {@link #rotateTo} with a new key, then set the variable to it.
     */
    public RotationReport rotate() {
        lock.lock();
        try {
            opened.clear();
            load();
            if (source instanceof KeySource.Environment) {
                throw new VaultException(
                        VaultException.Reason.ROTATION_REFUSED,
                        "the master key comes from " + KeySource.ENV
                                + ", which Hearth cannot change: rotate to a new key given to it, then set "
                                + KeySource.ENV + " to that key");
            }
            return rotateFile(MasterKey.generate(random));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Re-seals everything under {@code next}. With the key file, as {@link #rotate}; with {@code HEARTH_MASTER_KEY},
     * in one transaction, after which this process uses {@code next} and the variable must be set to it before the
     * next start (until then the values answer "wrong key", and setting the variable is all it takes).
     */
    public RotationReport rotateTo(MasterKey next) {
        lock.lock();
        try {
            opened.clear();
            load();
            MasterKey old = key;
            if (old != null && old.id().equals(next.id())) {
                throw new VaultException(
                        VaultException.Reason.ROTATION_REFUSED, "the new key is the key in use (" + old.id() + ")");
            }
            if (keyFile != null) {
                return rotateFile(next);
            }
            MasterKey current = requireKey();
            int n = reseal(current, next);
            observer.reached(RotationStep.ENTRIES_COMMITTED);
            key = next;
            LOG.warnf(
                    "Vault: %d values re-sealed from key %s to key %s; set %s to the new key before the next start",
                    n, current.id(), next.id(), KeySource.ENV);
            return new RotationReport(n, current.id(), next.id(), clock.instant());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Vault[" + source.describe() + "]";
    }

    // --- the rest runs under the lock ---

    private RotationReport rotateFile(MasterKey next) {
        KeyFile file = requireFile();
        MasterKey old = key;
        if (old == null) {
            refuseIfOrphans();
            file.create(next);
            key = next;
            LOG.infof("Vault: key %s created in %s", next.id(), file.path());
            return new RotationReport(0, "none", next.id(), clock.instant());
        }
        file.writeNext(next);
        observer.reached(RotationStep.NEXT_KEY_WRITTEN);
        int n;
        try {
            n = reseal(old, next);
        } catch (RuntimeException e) {
            // The commit may have happened before the failure: settle by what the database says, as a restart would.
            settleJournal(file);
            key = file.read().orElse(old);
            throw e;
        }
        observer.reached(RotationStep.ENTRIES_COMMITTED);
        file.promoteNext();
        key = next;
        observer.reached(RotationStep.KEY_SWAPPED);
        LOG.infof("Vault: rotated from key %s to key %s, %d values re-sealed", old.id(), next.id(), n);
        return new RotationReport(n, old.id(), next.id(), clock.instant());
    }

    /** Opens every value with the key that sealed it (old, or next when a rotation is being completed) and seals it under next, in one transaction. */
    private int reseal(MasterKey old, MasterKey next) {
        return db.inTransaction(() -> {
            List<Row> rows = db.query(
                    "SELECT service, field, key_id, nonce, sealed FROM hub_vault ORDER BY service, field", Vault::row);
            int half = (rows.size() + 1) / 2;
            int done = 0;
            if (rows.isEmpty()) {
                observer.reached(RotationStep.ENTRIES_HALF_REWRITTEN);
            }
            for (Row r : rows) {
                MasterKey from = r.keyId().equals(old.id()) ? old : r.keyId().equals(next.id()) ? next : null;
                if (from == null) {
                    throw wrongKey(r, old);
                }
                Sealer.Sealed resealed = sealer.seal(
                        next, r.service(), r.field(), sealer.open(from, r.service(), r.field(), r.sealedValue()));
                db.update(
                        "UPDATE hub_vault SET key_id = ?, nonce = ?, sealed = ? WHERE service = ? AND field = ?",
                        resealed.keyId(),
                        resealed.nonce(),
                        resealed.ciphertext(),
                        r.service(),
                        r.field());
                if (++done == half) {
                    observer.reached(RotationStep.ENTRIES_HALF_REWRITTEN);
                }
            }
            return rows.size();
        });
    }

    private void load() {
        if (loaded) {
            return;
        }
        if (source instanceof KeySource.Environment env) {
            key = env.key();
        } else {
            KeyFile file = requireFile();
            settleJournal(file);
            key = file.read().orElse(null);
        }
        loaded = true;
        MasterKey k = key;
        long other = k == null
                ? db.count("SELECT COUNT(*) FROM hub_vault")
                : db.count("SELECT COUNT(*) FROM hub_vault WHERE key_id <> ?", k.id());
        if (other > 0) {
            LOG.warnf(
                    "Vault: %d sealed values cannot be opened with %s (%s); they were sealed under another key",
                    other, source.describe(), k == null ? "no key there" : "key " + k.id());
        }
    }

    /** A journal left by an interrupted rotation is completed when values use its key, else rolled back. */
    private void settleJournal(KeyFile file) {
        Optional<MasterKey> pending = file.readNext();
        if (pending.isEmpty()) {
            return;
        }
        MasterKey next = pending.get();
        long underNext = db.count("SELECT COUNT(*) FROM hub_vault WHERE key_id = ?", next.id());
        if (underNext == 0) {
            file.discardNext();
            LOG.warnf("Vault: an interrupted key rotation was rolled back; the values stay under the current key");
            return;
        }
        long stragglers = db.count("SELECT COUNT(*) FROM hub_vault WHERE key_id <> ?", next.id());
        if (stragglers > 0) {
            // One transaction re-seals everything, so this takes a database that lost part of a commit; finish the job.
            MasterKey old = file.read()
                    .orElseThrow(() -> new VaultException(
                            VaultException.Reason.KEY_MISSING,
                            stragglers + " values are still sealed under the key being replaced, and " + file.path()
                                    + " is missing"));
            reseal(old, next);
        }
        file.promoteNext();
        LOG.warnf(
                "Vault: an interrupted key rotation was completed; %d values are under key %s",
                underNext + stragglers, next.id());
    }

    private MasterKey keyForWriting() {
        load();
        MasterKey k = key;
        if (k != null) {
            return k;
        }
        KeyFile file = requireFile();
        refuseIfOrphans();
        MasterKey created = MasterKey.generate(random);
        file.create(created);
        key = created;
        LOG.infof("Vault: key %s created in %s", created.id(), file.path());
        return created;
    }

    /** Values without their key must not be joined by values under a new one: the owner has a key file to restore. */
    private void refuseIfOrphans() {
        long orphans = db.count("SELECT COUNT(*) FROM hub_vault");
        if (orphans > 0) {
            throw new VaultException(
                    VaultException.Reason.KEY_MISSING,
                    "the vault holds " + orphans + " sealed values but " + source.describe()
                            + " is missing; restore it from a backup (or set " + KeySource.ENV + " to the key)");
        }
    }

    private MasterKey requireKey() {
        MasterKey k = key;
        if (k == null) {
            throw new VaultException(VaultException.Reason.KEY_MISSING, "no master key yet in " + source.describe());
        }
        return k;
    }

    private KeyFile requireFile() {
        KeyFile file = keyFile;
        if (file == null) {
            throw new IllegalStateException("no key file with " + source.describe());
        }
        return file;
    }

    private String open(Row r) {
        MasterKey k = key;
        if (k == null) {
            throw new VaultException(
                    VaultException.Reason.KEY_MISSING,
                    "the value of " + r.service() + "." + r.field() + " is sealed under key " + r.keyId() + " but "
                            + source.describe() + " is missing; restore it from a backup");
        }
        if (!k.id().equals(r.keyId())) {
            throw wrongKey(r, k);
        }
        return sealer.open(k, r.service(), r.field(), r.sealedValue());
    }

    private VaultException wrongKey(Row r, MasterKey inUse) {
        return new VaultException(
                VaultException.Reason.WRONG_KEY,
                "the value of " + r.service() + "." + r.field()
                        + " was sealed under key " + r.keyId() + ", but the key in use (" + source.describe() + ") is "
                        + inUse.id()
                        + "; use the key it was sealed with, or set the value again");
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    private static void checkNames(String service, String field) {
        checkService(service);
        if (!FIELD.matcher(field).matches()) {
            throw new IllegalArgumentException(
                    "a credential field is 1 to 64 of a-z, 0-9 and _, starting with a letter: '" + LogValues.safe(field)
                            + "'");
        }
    }

    private static void checkService(String service) {
        if (!SERVICE.matcher(service).matches()) {
            throw new IllegalArgumentException(
                    "a service name is 1 to 63 of a-z, 0-9, - and _: '" + LogValues.safe(service) + "'");
        }
    }
}
