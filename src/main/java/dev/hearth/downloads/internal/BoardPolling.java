package dev.hearth.downloads.internal;

import dev.hearth.downloads.DownloadClient;
import dev.hearth.services.HealthBoard;
import jakarta.inject.Singleton;

/** The clients are polled by the health board; asking it polls each one now, through the same path as every interval. */
@Singleton
public class BoardPolling implements ClientPolling {
    private final HealthBoard board;

    public BoardPolling(HealthBoard board) {
        this.board = board;
    }

    @Override
    public void pollAll() {
        board.pollAll(DownloadClient.class);
    }

    @Override
    public void poll(String client) {
        board.poll(client);
    }
}
