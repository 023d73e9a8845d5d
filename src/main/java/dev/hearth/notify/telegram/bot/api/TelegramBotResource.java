package dev.hearth.notify.telegram.bot.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.notify.telegram.bot.TelegramBot;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Public;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The bot's doors: the webhook Telegram posts updates to (public: Telegram has no API key, it proves itself with the
 * configured secret_token in {@value #SECRET_HEADER}), and the bot's status for the dashboard.
 */
@Path("/api/v1/telegram")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class TelegramBotResource {
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    public record Ack(boolean ok) {}

    private final TelegramBot bot;

    public TelegramBotResource(TelegramBot bot) {
        this.bot = bot;
    }

    @POST
    @Path("/webhook")
    @Public
    @Consumes(MediaType.APPLICATION_JSON)
    public Ack webhook(@HeaderParam(SECRET_HEADER) @Nullable String secret, @Nullable JsonNode update) {
        if (!bot.webhookSecretMatches(secret)) throw unauthorized();
        if (update == null || !update.isObject()) throw ApiException.invalid("update", "send a Telegram Update object");
        if (!bot.acceptWebhook(secret, update)) throw unauthorized();
        return new Ack(true);
    }

    private static ApiException unauthorized() {
        return new ApiException(
                ErrorCode.UNAUTHORIZED,
                "Missing or wrong " + SECRET_HEADER + ", or the bot does not take webhooks",
                Map.of("header", SECRET_HEADER));
    }

    @GET
    @Path("/bot")
    @Allow(Role.ADMIN)
    public TelegramBot.Status status() {
        return bot.status();
    }
}
