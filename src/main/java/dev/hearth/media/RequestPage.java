package dev.hearth.media;

import java.util.List;

/** A page of requests and how many there are in all. */
public record RequestPage(List<MediaRequest> requests, int total) {
    public RequestPage {
        requests = List.copyOf(requests);
    }
}
