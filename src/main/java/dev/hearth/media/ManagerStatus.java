package dev.hearth.media;

/** Who answered: "Sonarr" 4.0.9, its instance name (several Sonarrs may run side by side). */
public record ManagerStatus(String appName, String version, String instanceName) {}
