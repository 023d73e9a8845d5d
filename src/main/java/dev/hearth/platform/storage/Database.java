package dev.hearth.platform.storage;

import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.HearthConfig;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalPropertiesReader;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * The one database: SQLite in the data dir by default (WAL, one writer at a time), PostgreSQL by
 * configuration, migrated by the same Flyway scripts at start. Plain JDBC with a few helpers: the
 * tables are small and the queries simple, so an ORM would cost more memory than it saves code.
 *
 * <p>Opening and migrating run on a thread of their own from the moment the container starts, beside
 * the rest of start-up (a second core's worth of time on a small box); the first query waits for them,
 * and {@link #isReady()} says "not yet" meanwhile. A failure surfaces at that first query, which the
 * first-start step makes before Hearth listens, so a broken database still stops start-up.
 */
@ApplicationScoped
public class Database {
    /** The version of the newest script in {@code db/migration}; a test keeps the two in step. */
    static final String NEWEST_MIGRATION = "92";

    private final CompletableFuture<Opened> opened = new CompletableFuture<>();
    private final boolean startsEmpty;
    private final DataDirSpace space;
    /** The connection of the transaction running on this thread, so an event publish joins its change. */
    private final ThreadLocal<@Nullable Connection> transaction = new ThreadLocal<>();

    public Database(ConfigService config) {
        // The settings are taken here, not on the opening thread (see ConfigService#readEarly).
        HearthConfig.Storage storage = config.current().storage();
        Path dataDir = config.dataDir();
        this.startsEmpty = !storage.isPostgresql() && isEmpty(sqliteFile(dataDir));
        DataDirectory.secure(dataDir);
        this.space = new DataDirSpace(dataDir);
        Thread.ofPlatform().name("hearth-storage-open").daemon().start(() -> {
            try {
                AgroalDataSource dataSource = open(storage, dataDir);
                migrate(dataSource, storage);
                opened.complete(new Opened(dataSource, storage.kind()));
            } catch (Throwable e) {
                opened.completeExceptionally(e);
            }
        });
    }

    /**
     * Whether this start found no database at all (a new SQLite file), known before it is open, so a
     * first start can prepare its slow work beside the migration. PostgreSQL: false, as only a query could tell.
     */
    public boolean startsEmpty() {
        return startsEmpty;
    }

    /** Creates the bean as the container starts, so the work above overlaps the rest of start-up. */
    void openEarly(@Observes @Initialized(ApplicationScoped.class) Object containerStarted) {
        // creating the bean is the point
    }

    private record Opened(AgroalDataSource dataSource, String kind) {}

    private Opened opened() {
        try {
            return opened.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof StorageException se) throw se;
            throw new StorageException("the database could not be opened: " + cause.getMessage(), cause);
        }
    }

    private AgroalDataSource dataSource() {
        return opened().dataSource();
    }

    private static AgroalDataSource open(HearthConfig.Storage storage, Path dataDir) {
        Map<String, String> props = new HashMap<>();
        String url;
        if (storage.isPostgresql()) {
            url = storage.url();
            props.put(AgroalPropertiesReader.PRINCIPAL, storage.username());
            props.put(AgroalPropertiesReader.CREDENTIAL, storage.password());
            props.put(AgroalPropertiesReader.MAX_SIZE, String.valueOf(storage.poolSize()));
        } else {
            try {
                Files.createDirectories(dataDir);
                // SQLite gives its -wal and -shm files the database file's mode: created 0600, all three are.
                DataDirectory.createPrivateFile(sqliteFile(dataDir));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create data dir " + dataDir, e);
            }
            // WAL lets readers run beside the one writer; busy_timeout makes a second writer wait, not fail.
            // Transactions take the write lock when they begin (IMMEDIATE): one that read first and wrote later
            // would otherwise fail with SQLITE_BUSY_SNAPSHOT, which no timeout can wait out.
            url = "jdbc:sqlite:" + sqliteFile(dataDir).toAbsolutePath()
                    + "?journal_mode=WAL&busy_timeout=10000&foreign_keys=true&synchronous=NORMAL&transaction_mode=IMMEDIATE";
            props.put(AgroalPropertiesReader.MAX_SIZE, String.valueOf(storage.poolSize()));
        }
        props.put(AgroalPropertiesReader.JDBC_URL, url);
        // Named, not looked up in DriverManager: a driver registered by an earlier Quarkus app of the same JVM
        // (tests with several profiles) is invisible to this class loader, and the lookup fails "No suitable driver".
        props.put(
                AgroalPropertiesReader.PROVIDER_CLASS_NAME,
                storage.isPostgresql() ? "org.postgresql.Driver" : "org.sqlite.JDBC");
        props.put(AgroalPropertiesReader.MIN_SIZE, "1");
        props.put(AgroalPropertiesReader.INITIAL_SIZE, "1");
        props.put(AgroalPropertiesReader.ACQUISITION_TIMEOUT_S, "10");
        try {
            return AgroalDataSource.from(
                    new AgroalPropertiesReader().readProperties(props).get());
        } catch (SQLException e) {
            throw new StorageException("cannot open the " + storage.kind() + " database: " + e.getMessage(), e);
        }
    }

    /** No database yet: no file, or the empty one a start that failed before migrating left behind. */
    private static boolean isEmpty(Path file) {
        try {
            return Files.notExists(file) || Files.size(file) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path sqliteFile(Path dataDir) {
        return dataDir.resolve("hearth.db");
    }

    private static void migrate(AgroalDataSource dataSource, HearthConfig.Storage storage) {
        if (!atNewestMigration(dataSource))
            flyway(dataSource, storage.isPostgresql()).load().migrate();
    }

    static FluentConfiguration flyway(DataSource dataSource, boolean postgresql) {
        // The class loader named: this thread was not started by Quarkus, and Flyway finds scripts through it.
        return Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(Map.of("id", postgresql ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT"));
    }

    /**
     * Whether the schema already stands at this build's newest migration, none failed: then Flyway is not
     * loaded at all. Loading it and scanning for scripts costs more than the rest of opening the database
     * (a third of a second of a small box's start, docs/benchmarks.md), for an answer known with one query.
     * Flyway's check that applied scripts were not edited since runs at the starts that migrate, and in tests.
     */
    static boolean atNewestMigration(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT (SELECT version FROM flyway_schema_history WHERE version IS NOT NULL"
                                + " ORDER BY installed_rank DESC LIMIT 1), (SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success)")) {
            return rs.next() && NEWEST_MIGRATION.equals(rs.getString(1)) && rs.getLong(2) == 0;
        } catch (SQLException noHistoryYet) {
            return false;
        }
    }

    /** Room in the data dir, for the watch that raises the "full" alert. */
    public DataDirSpace space() {
        return space;
    }

    /**
     * A failed statement as the caller sees it: a full data dir is {@link DiskFull} (503, naming the path),
     * anything else a {@link StorageException} (500, no SQL in the answer). PostgreSQL's own disk is not the
     * data dir: its "disk full" (SQLSTATE 53100) stays a storage failure.
     */
    private RuntimeException failure(SQLException e) {
        if (!isPostgresqlSafe() && DiskFull.isFull(e, space.dataDir())) {
            space.writeFailedForSpace();
            return DiskFull.of(space.dataDir());
        }
        return new StorageException(String.valueOf(e.getMessage()), e);
    }

    private boolean isPostgresqlSafe() {
        return opened.isDone()
                && !opened.isCompletedExceptionally()
                && "postgresql".equals(opened.join().kind());
    }

    public boolean isPostgresql() {
        return "postgresql".equals(kind());
    }

    public String kind() {
        return opened().kind();
    }

    /** Storage readiness for /health: opened and migrated, and a round trip within a second. */
    public boolean isReady() {
        if (!opened.isDone() || opened.isCompletedExceptionally()) return false;
        try (Connection c = dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            return s.execute("SELECT 1");
        } catch (SQLException e) {
            return false;
        }
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    public interface Work<T extends @Nullable Object> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one transaction; nested calls join the outer one. */
    public <T extends @Nullable Object> T inTransaction(Work<T> work) {
        if (transaction.get() != null) {
            try {
                return work.run();
            } catch (SQLException e) {
                throw failure(e);
            }
        }
        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            transaction.set(c);
            try {
                T result = work.run();
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                transaction.remove();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, @Nullable Object... params) {
        return withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql, params, false);
                    ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) rows.add(mapper.map(rs));
                return rows;
            }
        });
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, @Nullable Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    public long count(String sql, @Nullable Object... params) {
        return queryOne(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public int update(String sql, @Nullable Object... params) {
        return withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql, params, false)) {
                return ps.executeUpdate();
            }
        });
    }

    /** Inserts one row and answers its generated id (every table keeps {@code id} as its first column). */
    public long insert(String sql, @Nullable Object... params) {
        return withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql, params, true)) {
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    if (!keys.next()) throw new SQLException("no generated key for: " + sql);
                    return keys.getLong(1);
                }
            }
        });
    }

    private <T> T withConnection(Work1<T> work) {
        Connection tx = transaction.get();
        try {
            if (tx != null) return work.run(tx);
            try (Connection c = dataSource().getConnection()) {
                return work.run(c);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @FunctionalInterface
    private interface Work1<T> {
        T run(Connection c) throws SQLException;
    }

    private static PreparedStatement prepare(Connection c, String sql, @Nullable Object[] params, boolean keys)
            throws SQLException {
        PreparedStatement ps =
                keys ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS) : c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    @PreDestroy
    void close() {
        // A stop during start-up waits for the opening, so no connection outlives the application.
        Opened open = opened.handle((done, failure) -> done).join();
        if (open != null) open.dataSource().close();
    }
}
