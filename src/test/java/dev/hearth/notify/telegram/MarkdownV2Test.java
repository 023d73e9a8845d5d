package dev.hearth.notify.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownV2Test {
    @Test
    void everyReservedCharacterIsEscaped() {
        assertEquals(
                "a\\_b\\*c\\[d\\]e\\(f\\)g\\~h\\`i\\>j\\#k\\+l\\-m\\=n\\|o\\{p\\}q\\.r\\!s\\\\t",
                MarkdownV2.escape("a_b*c[d]e(f)g~h`i>j#k+l-m=n|o{p}q.r!s\\t"));
    }

    @Test
    void splittingNeverCutsAnEscapeOrASurrogatePairAndKeepsEveryPartWithinTheLimit() {
        String body = ("😀." + "x".repeat(7)).repeat(1500); // emoji (two units), a reserved dot, filler
        List<String> parts = MarkdownV2.split("*title*\n", body);
        assertTrue(parts.size() >= 4, "split into " + parts.size());
        StringBuilder unescaped = new StringBuilder();
        for (String p : parts) {
            assertTrue(p.length() <= MarkdownV2.MAX, "part of " + p.length());
            assertTrue(!p.endsWith("\\") || p.endsWith("\\\\"), "no dangling escape");
            assertTrue(!Character.isHighSurrogate(p.charAt(p.length() - 1)), "no half emoji");
            unescaped.append(p.replaceAll("\\\\(.)", "$1"));
        }
        assertEquals("*title*\n" + body, unescaped.toString());
    }

    @Test
    void aShortMessageIsOnePart() {
        assertEquals(List.of("*t*\nhello"), MarkdownV2.split("*t*\n", "hello"));
    }
}
