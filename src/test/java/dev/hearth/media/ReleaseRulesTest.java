package dev.hearth.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules media.download picks an indexer's release by, without an *arr manager. */
class ReleaseRulesTest {
    private static final long GB = 1L << 30;

    private static Release release(String title, long size, int seeders) {
        return new Release(
                title,
                "1337x",
                size,
                seeders,
                0,
                "magnet:?xt=urn:btih:x",
                null,
                List.of(2040),
                null,
                Release.Protocol.TORRENT);
    }

    private static MediaConfig.Download rules(int minSeeders, long minMb, long maxMb, List<String> words) {
        return new MediaConfig.Download("", "", "", minSeeders, minMb, maxMb, words, "movies", "tv");
    }

    @Test
    void aPreferredWordBeatsMoreSeedersAndAnEarlierWordWeighsMore() {
        List<Release> found = List.of(
                release("Heat.1995.720p.WEB.x264", 2 * GB, 900),
                release("Heat.1995.1080p.WEB-DL.x264", 5 * GB, 40),
                release("Heat.1995.1080p.BluRay.x264", 9 * GB, 30));
        ReleaseRules.Verdict v =
                ReleaseRules.rank(found, "Heat", null, rules(1, 0, 0, List.of("1080p", "bluray", "web-dl")));
        assertEquals(
                List.of("Heat.1995.1080p.BluRay.x264", "Heat.1995.1080p.WEB-DL.x264", "Heat.1995.720p.WEB.x264"),
                v.kept().stream().map(k -> k.release().title()).toList());
        assertEquals(List.of("1080p", "bluray"), v.kept().getFirst().preferred());
        assertEquals(1995, v.kept().getFirst().year());
    }

    @Test
    void seedersSizeTitleAndYearRulesDropReleasesAndSayHowMany() {
        List<Release> found = List.of(
                release("Heat.1995.1080p.BluRay", 9 * GB, 2),
                release("Heat.1995.2160p.UHD.Remux", 60 * GB, 500),
                release("Heat.2013.1080p.WEB", 4 * GB, 80),
                release("Heatwave.1995.1080p", 4 * GB, 80),
                release("Heat.1995.1080p.WEB", 4 * GB, 60));
        ReleaseRules.Verdict v = ReleaseRules.rank(found, "Heat", 1995, rules(5, 1024, 20 * 1024, List.of()));
        assertEquals(
                List.of("Heat.1995.1080p.WEB"),
                v.kept().stream().map(k -> k.release().title()).toList());
        assertEquals(2, v.otherTitle(), "Heatwave, and Heat from 2013");
        assertEquals(1, v.fewSeeders());
        assertEquals(1, v.sizeOutOfRange());
    }
}
