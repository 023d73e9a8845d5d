package dev.hearth.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.http.HttpStack;
import java.time.Clock;

/** What a channel kind may use to build its notifier: the one outbound HTTP stack, JSON, the clock. */
public record NotifierContext(HttpStack http, ObjectMapper json, Clock clock) {}
