package dev.hearth.services;

/** Which runtime a service has: a closed set, so every switch over it is checked by the compiler. */
public sealed interface RuntimeRef {
    String kind();

    /** A container on a named Docker endpoint. */
    record Docker(String endpoint, String container) implements RuntimeRef {
        public String kind() {
            return "docker";
        }
    }

    /** A native program Hearth supervises. */
    record Process() implements RuntimeRef {
        public String kind() {
            return "process";
        }
    }

    /** Reachable by URL only: Hearth watches it but cannot start or stop it. */
    record External() implements RuntimeRef {
        public String kind() {
            return "external";
        }
    }
}
