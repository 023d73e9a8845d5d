package dev.hearth.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/security.md's table of routes and roles is the code's: a route added, removed or re-roled fails here until the table says so. */
class SecurityDocumentationTest {
    private static final Pattern ROW =
            Pattern.compile("^\\| `([A-Z]+ [^`]+)` \\| (public|viewer|operator|admin) \\|$", Pattern.MULTILINE);

    @Test
    void theRouteTableInTheSecurityDocsIsTheOneTheCodeDeclares() throws Exception {
        List<String> declared = new ArrayList<>();
        RouteSecurityTest.declaredRoutes()
                .forEach((route, role) ->
                        declared.add(route + " " + (RouteSecurityTest.PUBLIC.contains(route) ? "public" : role.id())));
        List<String> documented = new ArrayList<>();
        Matcher m = ROW.matcher(Files.readString(Path.of("docs/security.md")));
        while (m.find()) documented.add(m.group(1) + " " + m.group(2));
        List<String> expected = declared.stream()
                .sorted(java.util.Comparator.comparing((String r) -> r.split(" ")[1])
                        .thenComparing(r -> r))
                .toList();
        if (!expected.stream()
                .sorted()
                .toList()
                .equals(documented.stream().sorted().toList())) {
            // the rows as the code declares them, ready to paste
            Files.write(
                    Path.of("target/security-routes.md"),
                    expected.stream()
                            .map(r -> "| `" + r.substring(0, r.lastIndexOf(' ')) + "` | "
                                    + r.substring(r.lastIndexOf(' ') + 1) + " |")
                            .toList());
        }
        assertEquals(
                expected.stream().sorted().toList(),
                documented.stream().sorted().toList(),
                "docs/security.md, 'Who may do what': one row per route, | `VERB /path` | role | (target/security-routes.md has them)");
    }
}
