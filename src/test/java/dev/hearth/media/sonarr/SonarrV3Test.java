package dev.hearth.media.sonarr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.fakes.media.FakeArr;
import dev.hearth.fakes.media.MediaScenario;
import dev.hearth.media.AddTitle;
import dev.hearth.media.MediaManager;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.testing.Targets;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SonarrV3Test {

    @Test
    void sonarr3GetsTheLanguageProfileItInsistsOn() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeArr fake = new FakeArr(FakeArr.App.SONARR_3)) {
            MediaManager sonarr = (MediaManager)
                    Targets.create(http, "sonarr", "sonarr", URI.create(fake.baseUrl()), fake.credentials());

            sonarr.add(new AddTitle(
                    MediaScenario.SERIES.candidate().foreignId(),
                    MediaScenario.QUALITY_PROFILE_ID,
                    "/media/tv",
                    true,
                    false));

            assertEquals(List.of("add 371980 profile 4 in /media/tv"), fake.received);
            assertEquals(
                    1,
                    fake.requests.stream()
                            .filter(r -> r.path().equals("/api/v3/languageprofile"))
                            .count());
        }
    }

    @Test
    void theKeyTravelsInTheXApiKeyHeader() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeArr fake = new FakeArr(FakeArr.App.SONARR_4)) {
            MediaManager sonarr = (MediaManager)
                    Targets.create(http, "sonarr", "sonarr", URI.create(fake.baseUrl()), fake.credentials());

            sonarr.status();

            assertEquals(
                    fake.credentials().get("api_key"), fake.requests.getFirst().header("X-Api-Key"));
            assertEquals(null, fake.requests.getFirst().query(), "the key stays out of the query");
        }
    }
}
