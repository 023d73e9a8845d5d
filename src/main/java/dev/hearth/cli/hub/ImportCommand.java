package dev.hearth.cli.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.hearth.cli.Command;
import dev.hearth.cli.CommandContext;
import dev.hearth.hub.importer.HomarrImport;
import dev.hearth.hub.importer.HomepageImport;
import dev.hearth.hub.importer.ImportResult;
import dev.hearth.hub.importer.ImportedService;
import dev.hearth.hub.vault.KeySource;
import dev.hearth.hub.vault.Vault;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.integration.IntegrationKinds;
import dev.hearth.platform.storage.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code hearth import homepage FILE}: Homepage's services.yaml into Hearth; {@code hearth import homarr FILE}: a
 * Homarr board's JSON configuration. The widgets' (integrations') keys, user names and passwords are sealed in the
 * vault at once; the services are printed as a hearth.yml {@code services:} block to add
 * (hearth.yml is the owner's file: Hearth does not rewrite it).
 */
public final class ImportCommand implements Command {
    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "import homepage|homarr FILE: Homepage's services.yaml or a Homarr board export (keys into the vault, services as hearth.yml)";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        if (args.size() != 2
                || !(args.getFirst().equals("homepage") || args.getFirst().equals("homarr"))) {
            context.err().println("usage: hearth import homepage FILE | hearth import homarr FILE");
            return 64;
        }
        String from = args.getFirst();
        Path file = Path.of(args.get(1));
        if (!Files.isRegularFile(file)) {
            context.err().println("hearth import: " + file + " is not a file");
            return 66;
        }
        Optional<HearthConfig> loaded = HubConfig.load(context);
        if (loaded.isEmpty()) return HubConfig.REFUSED;
        HearthConfig config = loaded.get();
        IntegrationKinds kinds = IntegrationKinds.load();
        ImportResult result;
        try {
            result = from.equals("homarr")
                    ? HomarrImport.read(file, type -> kinds.find(type).isPresent())
                    : HomepageImport.read(file, type -> kinds.find(type).isPresent());
        } catch (IOException e) {
            context.err().println("hearth import: " + e.getMessage());
            return 65;
        }
        Database db = new Database(new ConfigService(context.environment()));
        Vault vault = new Vault(
                db,
                KeySource.of(
                        config.dataDir(), name -> context.environment().env().apply(name)),
                context.clock());
        int sealed = 0;
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
        ObjectNode root = yaml.createObjectNode();
        ArrayNode services = root.putArray("services");
        for (ImportedService s : result.services()) {
            for (var secret : s.secrets().entrySet()) {
                vault.put(s.name(), secret.getKey(), secret.getValue(), "import:" + from);
                sealed++;
            }
            ObjectNode entry = services.addObject();
            entry.put("name", s.name());
            entry.put("display_name", s.displayName());
            entry.put("group", s.group());
            if (!s.icon().isEmpty()) entry.put("icon", s.icon());
            entry.put("url", s.url());
            entry.put("integration", s.integration());
        }
        try {
            context.out().print(yaml.writeValueAsString(root));
        } catch (IOException e) {
            context.err().println("hearth import: " + e.getMessage());
            return 70;
        }
        context.err()
                .printf(
                        "hearth import: %d services read, %d credentials sealed in the vault; add the block above to hearth.yml%n",
                        result.services().size(), sealed);
        result.skipped().forEach(s -> context.err().println("  skipped " + s));
        result.incomplete().forEach(s -> context.err().println("  incomplete " + s));
        return 0;
    }
}
