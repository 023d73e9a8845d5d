import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The floor for bench/services-health.sh: the same 50 calls fanned out directly (one JDK client each, as
 * Hearth does), with no Hearth in between. Prints "median p95 max" in ms. Usage: java DirectFanOut.java port n runs
 */
public class DirectFanOut {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < n; i++)
            clients.add(
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        List<Long> times = new ArrayList<>();
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int r = 0; r < runs + 3; r++) {
                long t0 = System.nanoTime();
                List<CompletableFuture<?>> calls = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int k = i;
                    calls.add(CompletableFuture.runAsync(
                            () -> {
                                try {
                                    clients.get(k)
                                            .send(
                                                    HttpRequest.newBuilder(URI.create(
                                                                    "http://127.0.0.1:" + port + "/health/" + (k + 1)))
                                                            .build(),
                                                    HttpResponse.BodyHandlers.discarding());
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            },
                            virtual));
                }
                CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
                if (r >= 3) times.add((System.nanoTime() - t0) / 1_000_000); // the first 3 warm up
            }
        }
        Collections.sort(times);
        System.out.println(times.get(times.size() / 2) + " "
                + times.get(Math.min(times.size() - 1, (int) (times.size() * 0.95))) + " " + times.getLast());
    }
}
