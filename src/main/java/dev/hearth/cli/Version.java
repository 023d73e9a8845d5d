package dev.hearth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Hearth's version, from the build's own record in the application jar ("dev" when run from classes). */
public final class Version {
    private static final String POM_PROPERTIES = "/META-INF/maven/dev.hearth/hearth/pom.properties";

    private Version() {}

    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) return "dev";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
