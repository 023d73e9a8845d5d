package dev.hearth.backups.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Replaces the tables of schema {@code public} by those of a plain-format {@code pg_dump}, in one transaction:
 * PostgreSQL's DDL is transactional, so a failure or a dead connection (Hearth killed midway) leaves the
 * database exactly as it was, and running it again gives the same result. It reads what pg_dump writes:
 * statements ended by {@code ;} (quotes, identifiers, dollar-quoting and comments respected), {@code COPY ...
 * FROM stdin} blocks ended by {@code \.}, and psql meta-commands ({@code \restrict}), which are skipped.
 */
public final class PgDumpLoader {
    /** The schema itself stays (only its tables are replaced, so its owner need not be Hearth's user): its creation and comment are skipped. */
    private static final java.util.regex.Pattern KEPT_SCHEMA =
            java.util.regex.Pattern.compile("(?is)(CREATE SCHEMA public|COMMENT ON SCHEMA public IS .*);");

    private PgDumpLoader() {}

    public static void replacePublicSchema(Connection c, Path dump) throws IOException, SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            dropEverything(c);
            try (BufferedReader in = Files.newBufferedReader(dump, StandardCharsets.UTF_8)) {
                run(c, in);
            }
            c.commit();
        } catch (IOException | SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static void dropEverything(Connection c) throws SQLException {
        List<String> drops = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (var rs = s.executeQuery(
                    "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'public'")) {
                while (rs.next()) {
                    drops.add("DROP " + ("VIEW".equals(rs.getString(2)) ? "VIEW" : "TABLE") + " IF EXISTS public."
                            + quote(rs.getString(1)) + " CASCADE");
                }
            }
            try (var rs = s.executeQuery(
                    "SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public'")) {
                while (rs.next()) drops.add("DROP SEQUENCE IF EXISTS public." + quote(rs.getString(1)) + " CASCADE");
            }
            for (String d : drops) s.execute(d);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static void run(Connection c, BufferedReader in) throws IOException, SQLException {
        StringBuilder statement = new StringBuilder();
        Scanner scan = new Scanner();
        String line;
        while ((line = in.readLine()) != null) {
            if (statement.isEmpty() && scan.idle() && (line.isBlank() || line.startsWith("--"))) continue;
            if (statement.isEmpty() && scan.idle() && line.startsWith("\\")) continue; // psql meta-command
            statement.append(line).append('\n');
            if (!scan.endsStatement(line)) continue;
            String sql = statement.toString().strip();
            statement.setLength(0);
            if (KEPT_SCHEMA.matcher(sql).matches()) continue;
            if (sql.regionMatches(true, 0, "COPY ", 0, 5)
                    && sql.toLowerCase().replaceAll("\\s+", " ").endsWith("from stdin;")) {
                copy(c, sql.substring(0, sql.length() - 1), in);
            } else {
                try (Statement s = c.createStatement()) {
                    s.execute(sql);
                }
            }
        }
        if (!statement.toString().isBlank())
            throw new IOException("the dump ends inside a statement: " + excerpt(statement.toString()));
    }

    /** Streams a COPY block's rows to the server line by line: a table's data is never held whole. */
    private static void copy(Connection c, String sql, BufferedReader in) throws IOException, SQLException {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            String line;
            while ((line = in.readLine()) != null && !line.equals("\\.")) {
                byte[] row = (line + "\n").getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(row, 0, row.length);
            }
            if (line == null) throw new IOException("the dump ends inside the data of: " + excerpt(sql));
            copy.endCopy();
        } finally {
            if (copy.isActive()) copy.cancelCopy();
        }
    }

    private static String excerpt(String s) {
        String one = s.strip().replace('\n', ' ');
        return one.length() > 80 ? one.substring(0, 80) + "…" : one;
    }

    /** Follows quoting across lines, to tell a statement's closing {@code ;} from one inside a string. */
    private static final class Scanner {
        private char quote; // 0, '\'' or '"'
        private @org.jspecify.annotations.Nullable String dollarTag; // non-null inside $tag$ ... $tag$

        boolean idle() {
            return quote == 0 && dollarTag == null;
        }

        boolean endsStatement(String line) {
            boolean ends = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                String tag = dollarTag;
                if (tag != null) {
                    if (line.startsWith(tag, i)) {
                        i += tag.length() - 1;
                        dollarTag = null;
                    }
                } else if (quote != 0) {
                    if (ch == quote) quote = 0; // a doubled quote closes and reopens: same result
                } else if (ch == '\'' || ch == '"') {
                    quote = ch;
                } else if (ch == '-' && line.startsWith("--", i)) {
                    break;
                } else if (ch == '$') {
                    int end = line.indexOf('$', i + 1);
                    if (end > i && line.substring(i + 1, end).matches("[A-Za-z_]*")) {
                        dollarTag = line.substring(i, end + 1);
                        i = end;
                    }
                } else if (ch == ';') {
                    ends = true;
                    continue;
                }
                if (!Character.isWhitespace(ch)) ends = ch == ';';
            }
            return ends && idle();
        }
    }
}
