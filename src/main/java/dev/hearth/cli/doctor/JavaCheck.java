package dev.hearth.cli.doctor;

import dev.hearth.platform.config.HearthConfig;
import java.util.List;

/** The Java runtime Hearth runs on: 21 or newer, and what the newer ones add. */
final class JavaCheck implements Check {
    static final String NAME = "java";
    private final Runtime.Version version;
    private final String home;

    JavaCheck(Runtime.Version version, String home) {
        this.version = version;
        this.home = home;
    }

    static JavaCheck ofThisJvm() {
        return new JavaCheck(Runtime.version(), System.getProperty("java.home", "?"));
    }

    @Override
    public List<Finding> run(HearthConfig config) {
        int feature = version.feature();
        String where = "Java " + version + " at " + home;
        if (feature < 21) {
            return List.of(
                    Finding.problem(
                            NAME,
                            where + ": Hearth needs Java 21 or newer",
                            "install a Java 21+ runtime (Debian 13/Ubuntu 24.04: apt-get install openjdk-21-jre-headless) and point JAVA_HOME at it"));
        }
        String extras = feature >= 25
                ? "start-up cache (AOT) and memory trim available"
                : feature >= 22
                        ? "AppCDS start-up cache and memory trim available; Java 25 starts faster (AOT cache)"
                        : "AppCDS start-up cache available; Java 25 starts faster and hands idle memory back";
        return List.of(Finding.ok(NAME, where + ": " + extras));
    }
}
