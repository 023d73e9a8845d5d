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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The notification actions every door offers. */
@Singleton
public class NotificationActions implements ActionProvider {
    private final NotificationService notifications;

    public NotificationActions(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public List<Action> actions() {
        return List.of(new Action(new ActionSpec("notifications.test",
                "Send a test message to one notification channel and report whether each destination got it", Role.OPERATOR, false,
                List.of(Param.required("channel", Type.STRING, "the channel's name, as in notifications.channels"))), this::test));
    }

    private Object test(ActionCall call) {
        String channel = call.string("channel");
        if (!notifications.channelNames().contains(channel)) throw ApiException.notFound("Channel", channel, notifications.channelNames());
        List<Delivery> deliveries = notifications.sendTest(channel, call.caller().label());
        List<Map<String, Object>> results = deliveries.stream().map(d -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("destination", d.destination());
            r.put("status", d.status().id());
            r.put("attempts", d.attempts());
            r.put("error", d.lastError() == null ? "" : d.lastError());
            return r;
        }).toList();
        boolean ok = deliveries.stream().allMatch(d -> d.status() == Delivery.Status.DELIVERED);
        return Map.of("channel", channel, "ok", ok, "deliveries", results);
    }
}
