package dev.hearth.platform.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** viewer reads, operator acts, admin configures; each role holds the ones below it. */
public enum Role {
    VIEWER,
    OPERATOR,
    ADMIN;

    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> find(String text) {
        return Arrays.stream(values())
                .filter(r -> r.id().equalsIgnoreCase(text.trim()))
                .findFirst();
    }

    @JsonCreator
    public static Role parse(String text) {
        return find(text)
                .orElseThrow(
                        () -> new IllegalArgumentException("'" + text + "' is not a role (viewer, operator, admin)"));
    }
}
