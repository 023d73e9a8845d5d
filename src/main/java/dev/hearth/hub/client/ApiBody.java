package dev.hearth.hub.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/** A request body: none, JSON, a form, or raw bytes with their content type. */
public sealed interface ApiBody {

    byte[] bytes();

    /** Null for no body. */
    @org.jspecify.annotations.Nullable
    String contentType();

    static ApiBody none() {
        return new None();
    }

    static ApiBody json(JsonNode node) {
        return new Json(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** JSON already written (the proxy passes the caller's bytes through). */
    static ApiBody json(byte[] utf8) {
        return new Json(utf8);
    }

    static ApiBody form(Map<String, String> fields) {
        return new Form(new LinkedHashMap<>(fields));
    }

    static ApiBody raw(byte[] bytes, String contentType) {
        return new Raw(bytes, contentType);
    }

    record None() implements ApiBody {
        @Override
        public byte[] bytes() {
            return new byte[0];
        }

        @Override
        public @org.jspecify.annotations.Nullable String contentType() {
            return null;
        }
    }

    record Json(byte[] utf8) implements ApiBody {
        @Override
        public byte[] bytes() {
            return utf8;
        }

        @Override
        public String contentType() {
            return "application/json";
        }

        @Override
        public String toString() {
            return "Json[" + utf8.length + " bytes]";
        }
    }

    record Form(Map<String, String> fields) implements ApiBody {
        public Form {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public byte[] bytes() {
            return encode(fields, true).getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public String contentType() {
            return "application/x-www-form-urlencoded";
        }

        @Override
        public String toString() {
            return "Form" + fields.keySet(); // a login form holds a password
        }
    }

    record Raw(byte[] data, String contentType) implements ApiBody {
        public Raw {
            Objects.requireNonNull(contentType, "contentType");
        }

        @Override
        public byte[] bytes() {
            return data;
        }

        @Override
        public String toString() {
            return "Raw[" + contentType + ", " + data.length + " bytes]";
        }
    }

    /** {@code form}: space as {@code +}; otherwise query encoding with {@code %20}. */
    static String encode(Map<String, String> pairs, boolean form) {
        StringJoiner joined = new StringJoiner("&");
        pairs.forEach((k, v) -> joined.add(encodeOne(k, form) + "=" + encodeOne(v, form)));
        return joined.toString();
    }

    private static String encodeOne(String s, boolean form) {
        String e = URLEncoder.encode(s, StandardCharsets.UTF_8);
        return form ? e : e.replace("+", "%20");
    }
}
