package dev.hearth.media.overseerr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.fakes.media.FakeOverseerr;
import dev.hearth.media.Availability;
import dev.hearth.media.MediaNotFoundException;
import dev.hearth.media.MediaRejectedException;
import dev.hearth.media.MediaRequest;
import dev.hearth.media.NewRequest;
import dev.hearth.media.RequestCandidate;
import dev.hearth.media.RequestFilter;
import dev.hearth.media.RequestManager;
import dev.hearth.media.RequestPage;
import dev.hearth.media.RequestStatus;
import dev.hearth.media.RequestedMedia;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.testing.Targets;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverseerrRequestsTest {

    private static RequestManager overseerr(HttpStack http, FakeOverseerr fake) {
        return (RequestManager)
                Targets.create(http, "overseerr", "overseerr", URI.create(fake.baseUrl()), fake.credentials());
    }

    @Test
    void requestsAreListedWithTheirTitleStatusAvailabilityAndWhoAsked() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeOverseerr fake = new FakeOverseerr()) {
            RequestPage all = overseerr(http, fake).requests(RequestFilter.ALL, 20, 0);

            assertEquals(2, all.total());
            assertEquals(
                    List.of(
                            new MediaRequest(
                                    1,
                                    RequestStatus.PENDING,
                                    RequestedMedia.MOVIE,
                                    693134,
                                    "Dune: Part Two",
                                    Availability.PENDING,
                                    "alice",
                                    List.of(),
                                    false,
                                    Instant.parse("2026-11-21T09:00:00Z")),
                            new MediaRequest(
                                    2,
                                    RequestStatus.APPROVED,
                                    RequestedMedia.TV,
                                    95396,
                                    "Severance",
                                    Availability.PROCESSING,
                                    "bob",
                                    List.of(2),
                                    false,
                                    Instant.parse("2026-11-22T09:00:00Z"))),
                    all.requests());
        }
    }

    @Test
    void theFilterAndThePageReachOverseerrAndTitlesAreAskedForOnce() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeOverseerr fake = new FakeOverseerr()) {
            RequestManager o = overseerr(http, fake);

            RequestPage pending = o.requests(RequestFilter.PENDING, 10, 0);
            o.requests(RequestFilter.PENDING, 10, 0);

            assertEquals(
                    List.of(1),
                    pending.requests().stream().map(MediaRequest::id).toList());
            assertTrue(
                    fake.requests.getFirst().query().contains("filter=pending"),
                    fake.requests.getFirst().query());
            assertEquals(
                    1,
                    fake.requests.stream()
                            .filter(r -> r.path().equals("/api/v1/movie/693134"))
                            .count());
        }
    }

    @Test
    void approvingAndDecliningChangeTheStatusAndAnUnknownRequestIsNotFound() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeOverseerr fake = new FakeOverseerr()) {
            RequestManager o = overseerr(http, fake);

            assertEquals(RequestStatus.APPROVED, o.approve(1).status());
            assertEquals(RequestStatus.DECLINED, o.decline(2).status());
            assertEquals(RequestStatus.APPROVED, o.request(1).status());
            MediaNotFoundException e = assertThrows(MediaNotFoundException.class, () -> o.approve(42));

            assertTrue(e.getMessage().contains("42"));
            assertEquals(List.of("approve 1", "decline 2"), fake.received);
        }
    }

    @Test
    void aSeriesRequestAsksForAllSeasonsUnlessSomeAreNamedAndADuplicateIsRefused() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeOverseerr fake = new FakeOverseerr()) {
            RequestManager o = overseerr(http, fake);

            MediaRequest movie = o.create(new NewRequest(RequestedMedia.MOVIE, 27205, List.of(), false));
            MediaRequest tv = o.create(new NewRequest(RequestedMedia.TV, 95396 + 1, List.of(1, 2), false));
            MediaRejectedException again = assertThrows(
                    MediaRejectedException.class,
                    () -> o.create(new NewRequest(RequestedMedia.MOVIE, 27205, List.of(), false)));

            assertEquals("Inception", movie.title());
            assertEquals(RequestStatus.APPROVED, movie.status(), "the admin key's requests are approved at once");
            assertEquals(List.of(1, 2), tv.seasons());
            assertEquals(List.of("request movie 27205 seasons []", "request tv 95397 seasons [1, 2]"), fake.received);
            assertTrue(again.getMessage().contains("already exists"), again.getMessage());
        }
    }

    @Test
    void searchFindsMoviesAndSeriesButNotPeopleAndEncodesSpacesAsOverseerrWants() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeOverseerr fake = new FakeOverseerr()) {
            List<RequestCandidate> found = overseerr(http, fake).search("dune part two");

            assertEquals(
                    List.of(
                            new RequestCandidate(
                                    RequestedMedia.MOVIE, 693134, "Dune: Part Two", 2024, Availability.PENDING),
                            new RequestCandidate(
                                    RequestedMedia.TV, 90228, "Dune: Prophecy", 2024, Availability.UNKNOWN)),
                    found);
            assertTrue(
                    fake.requests.getLast().query().contains("query=dune%20part%20two"),
                    fake.requests.getLast().query());
        }
    }
}
