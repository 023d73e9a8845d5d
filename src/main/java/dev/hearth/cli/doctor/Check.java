package dev.hearth.cli.doctor;

import dev.hearth.platform.config.HearthConfig;
import java.util.List;

/** One thing the doctor looks at; it may report several findings (one per Docker endpoint, say). Never throws. */
interface Check {
    List<Finding> run(HearthConfig config);
}
