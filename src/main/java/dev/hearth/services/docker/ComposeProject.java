package dev.hearth.services.docker;

import java.util.List;

/**
 * Containers grouped by their {@code com.docker.compose.project} label, with what the compose CLI needs
 * to act on the project again (its directory and files, from the labels compose sets).
 */
public record ComposeProject(
        String name, String endpoint, String workingDir, List<String> configFiles, List<Member> containers) {
    public record Member(String service, String container, String state) {}

    public ComposeProject {
        configFiles = List.copyOf(configFiles);
        containers = List.copyOf(containers);
    }
}
