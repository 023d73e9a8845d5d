package dev.hearth.hub.importer;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One service read from another dashboard's file: a hearth.yml entry (name, display name, group, icon, url,
 * integration) and, apart, its secrets for the vault ({@code secrets} maps vault field names to values), never printed.
 */
public record ImportedService(
        String name,
        String displayName,
        String group,
        String icon,
        String url,
        String integration,
        Map<String, String> secrets) {
    public ImportedService {
        secrets = Map.copyOf(secrets);
    }

    @Override
    public String toString() {
        return "ImportedService[" + name + ", " + url + ", secrets=" + secrets.keySet() + "]";
    }

    /** A Hearth name from a title ("Sonarr 4K" → sonarr-4k), made unique among {@code taken} (which it joins). */
    static String uniqueName(String title, Set<String> taken) {
        String base = title.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_-]+", "-")
                .replaceAll("^-+|-+$", "");
        if (base.isEmpty()) base = "service";
        if (base.length() > 50) base = base.substring(0, 50);
        String name = base;
        for (int i = 2; !taken.add(name); i++) name = base + "-" + i;
        return name;
    }
}
