package dev.hearth.media;

import dev.hearth.services.HealthBoard;
import dev.hearth.services.StatusFigures;
import jakarta.inject.Singleton;
import java.util.Optional;

/** A media server's line on the status blocks: its streams as the health board's last poll read them. */
@Singleton
class StreamFigures implements StatusFigures {
    private final HealthBoard board;

    StreamFigures(HealthBoard board) {
        this.board = board;
    }

    @Override
    public Optional<Figures> figures(String service) {
        return board.reading(service)
                .flatMap(r -> r.data(NowPlaying.class))
                .map(n -> new Streaming(n.streams().size()));
    }
}
