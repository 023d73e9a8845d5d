package dev.hearth.graphql;

import static dev.hearth.graphql.GraphQLApiTest.graphql;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.hearth.fakes.media.MediaScenario;
import dev.hearth.media.api.MediaBackendsProfile;
import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * GraphQL's media queries against the Plex, Radarr and Overseerr doubles: what REST's {@code /api/v1/media} routes
 * answer, in the schema's camelCase, a viewer's as there, with Hearth's codes for a wrong service or argument.
 */
@QuarkusTest
@TestProfile(MediaBackendsProfile.class)
class GraphQLMediaTest {

    @Test
    void theOverviewHasWhatIsPlayingWhatArrivedTheQueueAndTheCalendar() {
        graphql(Api.as("viewer"), """
                        { media {
                            nowPlaying { service user state transcoding positionSeconds durationSeconds item { title type displayTitle } }
                            recentlyAdded { service library addedAt item { title } }
                            requests { service title status }
                            queue { service release sizeBytes }
                            calendar { service when release item { title } }
                            problems { service message } } }""")
                .body("errors", nullValue())
                .body("data.media.nowPlaying.item.title", hasItem("Inception"))
                .body("data.media.nowPlaying.service", hasItem("plex"))
                .body("data.media.nowPlaying.state", hasItems("playing", "paused"))
                .body("data.media.nowPlaying.find { it.user == 'alice' }.positionSeconds", equalTo(3600))
                .body("data.media.nowPlaying.find { it.user == 'alice' }.durationSeconds", equalTo(148 * 60))
                .body("data.media.nowPlaying.find { it.user == 'bob' }.item.displayTitle", containsString("S02E05"))
                .body("data.media.recentlyAdded.item.title", hasItem("Dune: Part Two"))
                .body("data.media.queue.release", hasItem(MediaScenario.MOVIE.queuedRelease()))
                .body(
                        "data.media.calendar.item.title",
                        hasItem(MediaScenario.MOVIE.due().title()))
                .body("data.media.problems", empty());
    }

    @Test
    void librariesAndNowPlayingOfOneServer() {
        graphql(Api.as("viewer"), "{ mediaLibraries(server: \"plex\") { id name kind locations refreshing } }")
                .body("errors", nullValue())
                .body("data.mediaLibraries.name", hasItems(MediaScenario.MOVIES.name(), MediaScenario.SHOWS.name()))
                .body("data.mediaLibraries.find { it.name == 'Movies' }.kind", equalTo("movies"))
                .body("data.mediaLibraries.find { it.name == 'Movies' }.locations", hasItem("/media/movies"));
        graphql(Api.as("viewer"), "{ nowPlaying(server: \"plex\") { sessionId user player item { title year } } }")
                .body("errors", nullValue())
                .body("data.nowPlaying.size()", equalTo(MediaScenario.PLAYING.size()))
                .body("data.nowPlaying.find { it.user == 'alice' }.player", equalTo("Living Room TV"))
                .body("data.nowPlaying.find { it.user == 'alice' }.item.year", equalTo(2010));
    }

    @Test
    void radarrsQueueAndCalendarBetweenTwoDays() {
        graphql(
                        Api.as("viewer"),
                        "{ mediaQueue(manager: \"radarr\", limit: 10) { release status downloadId sizeBytes } }")
                .body("errors", nullValue())
                .body("data.mediaQueue.release", hasItem(MediaScenario.MOVIE.queuedRelease()))
                .body("data.mediaQueue[0].sizeBytes", greaterThan(0));
        graphql(Api.as("viewer"), """
                        { mediaCalendar(manager: "radarr", start: "2026-12-01", end: "2026-12-07") { when release item { title } } }""")
                .body("errors", nullValue())
                .body(
                        "data.mediaCalendar.item.title",
                        hasItem(MediaScenario.MOVIE.due().title()))
                .body("data.mediaCalendar.release", hasItem(MediaScenario.MOVIE.dueRelease()));
        graphql(Api.as("viewer"), """
                        { mediaCalendar(manager: "radarr", start: "2026-12-05", end: "2026-12-07") { when } }""").body("errors", nullValue()).body("data.mediaCalendar", empty());
        graphql(Api.as("viewer"), "{ mediaCalendar(manager: \"radarr\", start: \"yesterday\") { when } }")
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
    }

    @Test
    void overseerrsRequests() {
        graphql(Api.as("viewer"), """
                        { mediaRequests(service: "overseerr", status: "all") { total requests { service id title status media requestedBy createdAt } } }""")
                .body("errors", nullValue())
                .body("data.mediaRequests.total", greaterThan(0))
                .body("data.mediaRequests.requests", not(empty()))
                .body("data.mediaRequests.requests.service", hasItem("overseerr"));
        graphql(Api.as("viewer"), "{ mediaRequests(service: \"overseerr\", status: \"sideways\") { total } }")
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
    }

    @Test
    void aWrongServiceIsNotFoundAndAnonymousCallersAreRefused() {
        graphql(Api.as("viewer"), "{ mediaLibraries(server: \"radarr\") { name } }")
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .body("errors[0].message", containsString("radarr"));
        graphql(Api.as("viewer"), "{ mediaQueue(manager: \"plex\") { release } }")
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        Api.anonymous()
                .contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("query", "{ media { problems { service } } }"))
                .post("/graphql")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
    }
}
