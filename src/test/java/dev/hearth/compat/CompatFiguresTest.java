package dev.hearth.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The seeds' strings for sizes, speeds and ETAs, as MLTB's and the automation server's examples print them. */
class CompatFiguresTest {
    @Test
    void sizesAndSpeedsInBinaryUnitsWithOneDecimal() {
        assertEquals("0 B", CompatFigures.size(0));
        assertEquals("1023 B", CompatFigures.size(1023));
        assertEquals("550.0 MB", CompatFigures.size(550L * 1024 * 1024));
        assertEquals("2.5 GB", CompatFigures.size(2_684_354_560L));
        assertEquals("5.2 MB/s", CompatFigures.speed(5_452_595L));
    }

    @Test
    void etasAsTheSeedWritesThem() {
        assertEquals("8m 30s", CompatFigures.eta(510));
        assertEquals("3m 15s", CompatFigures.eta(195));
        assertEquals("45s", CompatFigures.eta(45));
        assertEquals("2h 0m", CompatFigures.eta(7200));
        assertEquals("∞", CompatFigures.eta(8_640_000));
        assertEquals("∞", CompatFigures.eta(-1));
    }
}
