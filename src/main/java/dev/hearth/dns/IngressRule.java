package dev.hearth.dns;

/** One public hostname of a tunnel and the origin it reaches ({@code http://127.0.0.1:8096}). */
public record IngressRule(String hostname, String service) {}
