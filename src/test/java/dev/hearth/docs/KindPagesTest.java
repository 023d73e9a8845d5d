package dev.hearth.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.notify.NotifierKind;
import dev.hearth.notify.NotifierKinds;
import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.platform.integration.IntegrationKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/integrations/ and docs/channels/ say what the kinds' code says: a page for every kind Hearth ships
 * (none for the tests' fakes), no page for a kind that is gone, no page edited by hand. With
 * {@code -Dhearth.write-docs=true} the pages are written first, so the test then passes.
 */
class KindPagesTest {
    private static final boolean WRITE = Boolean.getBoolean("hearth.write-docs");

    @Test
    void everyIntegrationKindHasItsPageAsItsCodeWritesIt() throws IOException {
        List<IntegrationKind<?>> kinds = IntegrationKinds.load().all().stream()
                .filter(KindPagesTest::shipped)
                .toList();
        check(Path.of("docs/integrations"), KindPages.integrations(kinds));
    }

    @Test
    void everyChannelKindHasItsPageAsItsCodeWritesIt() throws IOException {
        List<NotifierKind<?>> kinds = NotifierKinds.load().all().stream()
                .filter(KindPagesTest::shipped)
                .toList();
        check(Path.of("docs/channels"), KindPages.channels(kinds));
    }

    private static boolean shipped(Object kind) {
        return !kind.getClass().getName().startsWith("dev.hearth.fakes.");
    }

    private static void check(Path dir, Map<String, String> pages) throws IOException {
        if (WRITE) {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.toList())
                    if (!pages.containsKey(p.getFileName().toString())) Files.delete(p);
            }
            for (var page : pages.entrySet()) Files.writeString(dir.resolve(page.getKey()), page.getValue());
        }
        List<String> wrong = new ArrayList<>();
        TreeSet<String> present = new TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(p -> present.add(p.getFileName().toString()));
            }
        }
        for (var page : pages.entrySet()) {
            Path file = dir.resolve(page.getKey());
            if (!Files.exists(file)) wrong.add(file + ": missing");
            else if (!Files.readString(file).equals(page.getValue()))
                wrong.add(file + ": differs from what the kind says");
        }
        for (String name : present)
            if (!pages.containsKey(name)) wrong.add(dir.resolve(name) + ": no kind has this page");
        assertEquals(
                List.of(),
                wrong,
                "pages out of step with the kinds: run mvn -o test -Dtest=KindPagesTest -Dhearth.write-docs=true");
    }
}
