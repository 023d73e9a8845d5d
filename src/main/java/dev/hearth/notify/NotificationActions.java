package dev.hearth.notify;

import dev.hearth.actions.Action;
import dev.hearth.actions.ActionCall;
import dev.hearth.actions.ActionProvider;
import dev.hearth.actions.ActionSpec;
import dev.hearth.actions.ActionSpec.Param;
import dev.hearth.actions.ActionSpec.Type;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import jakarta.inject.Singleton;
import java.util.List;

/** The notification actions every door offers. */
@Singleton
public class NotificationActions implements ActionProvider {
    private final NotificationService notifications;

    public NotificationActions(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public List<Action> actions() {
        return List.of(new Action(
                new ActionSpec(
                        "notifications.test",
                        "Send a test message to one notification channel and report whether each destination got it",
                        Role.OPERATOR,
                        false,
                        List.of(Param.required(
                                "channel", Type.STRING, "the channel's name, as in notifications.channels"))),
                this::test));
    }

    /** What a test send came to: each destination's delivery. */
    public record TestAnswer(String channel, boolean ok, List<DeliveryResult> deliveries) {}

    public record DeliveryResult(String destination, String status, int attempts, String error) {}

    private TestAnswer test(ActionCall call) {
        String channel = call.string("channel");
        if (!notifications.channelNames().contains(channel))
            throw ApiException.notFound("Channel", channel, notifications.channelNames());
        List<Delivery> deliveries =
                notifications.sendTest(channel, call.caller().label());
        List<DeliveryResult> results = deliveries.stream()
                .map(d -> new DeliveryResult(
                        d.destination(), d.status().id(), d.attempts(), d.lastError() == null ? "" : d.lastError()))
                .toList();
        boolean ok = deliveries.stream().allMatch(d -> d.status() == Delivery.Status.DELIVERED);
        return new TestAnswer(channel, ok, results);
    }
}
