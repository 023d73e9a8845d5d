package dev.hearth.cli.doctor;

import dev.hearth.platform.config.HearthConfig;
import dev.hearth.services.ServiceEntry;
import dev.hearth.services.ServicesConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * This machine's clock against the {@code Date} header of each configured upstream (RFC 9110 makes an origin
 * server send one). Hearth reaches no time server of its own, and a home server's upstreams are the clocks
 * its timestamps meet: sessions, alert times, download dates, TLS certificates. A difference over
 * {@link #TOLERANCE} is a problem, on whichever side: the fix is time sync on both.
 */
final class ClockCheck implements Check {
    static final String NAME = "clock";
    /** The header has whole seconds and the request takes a while; beyond this, times visibly disagree. */
    static final Duration TOLERANCE = Duration.ofSeconds(10);

    private final Clock clock;

    ClockCheck(Clock clock) {
        this.clock = clock;
    }

    record Reading(String service, Duration skew) {}

    @Override
    public List<Finding> run(HearthConfig config) {
        List<ServiceEntry> services = config.section(ServicesConfig.class).services().stream()
                .filter(s -> !s.url().isBlank())
                .toList();
        List<Reading> readings = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Optional<Reading>>> answers =
                    services.stream().map(s -> pool.submit(() -> read(s))).toList();
            for (Future<Optional<Reading>> f : answers) {
                try {
                    f.get().ifPresent(readings::add);
                } catch (ExecutionException e) {
                    // no reading from that one: the upstream check says why
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (readings.isEmpty()) {
            return List.of(Finding.skipped(NAME, "no upstream answered with a Date header to compare with"));
        }
        List<Finding> findings = new ArrayList<>();
        for (Reading r : readings) {
            long seconds = r.skew().toSeconds();
            String side = seconds > 0 ? "ahead of" : "behind";
            if (r.skew().abs().compareTo(TOLERANCE) > 0) {
                findings.add(
                        Finding.problem(
                                NAME,
                                "this machine's clock is " + Math.abs(seconds) + " s " + side + " " + r.service()
                                        + "'s (its Date header)",
                                "turn on time sync on both machines (timedatectl set-ntp true; check with timedatectl status)"));
            } else {
                findings.add(Finding.ok(
                        NAME,
                        "within " + TOLERANCE.toSeconds() + " s of " + r.service() + "'s clock (" + seconds + " s)"));
            }
        }
        return findings;
    }

    /** The upstream's time minus ours at the middle of the exchange, or nothing if it sent no usable Date. */
    private Optional<Reading> read(ServiceEntry s) {
        try (HttpClient http = HttpClient.newBuilder()
                .connectTimeout(s.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            Instant before = clock.instant();
            HttpResponse<Void> r = http.send(
                    HttpRequest.newBuilder(URI.create(s.url()))
                            .timeout(s.timeout())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            Instant after = clock.instant();
            Optional<String> date = r.headers().firstValue("Date");
            if (date.isEmpty()) return Optional.empty();
            Instant theirs = ZonedDateTime.parse(date.get(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Instant ours = before.plus(Duration.between(before, after).dividedBy(2));
            return Optional.of(new Reading(s.name(), Duration.between(theirs, ours)));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
