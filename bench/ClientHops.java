import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The JDK HttpClient's round trip from a virtual thread, the ways Hearth's HttpStack has called it, side by side in one
 * run (rounds alternate the ways; the first round is a warm-up): "vt sendAsync+get" (a virtual-thread executor,
 * sendAsync and a bounded get: the stack before issue 14's proxy work), "vt send" (the same executor, send), "inline
 * send" (an executor that runs the client's work on its selector thread, send: the stack after, for plain http).
 * Prints each round's p50/p90 and the median of the rounds' p50s. Usage: java ClientHops.java URL calls rounds [Cookie]
 */
public class ClientHops {
    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int calls = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();
        Map<String, HttpClient> clients = new LinkedHashMap<>();
        clients.put("vt sendAsync+get", client(virtual));
        clients.put("vt send", client(virtual));
        clients.put("inline send", client(Runnable::run));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
        if (args.length > 3) b.header("Cookie", args[3]);
        HttpRequest request = b.build();
        Map<String, List<Double>> p50s = new LinkedHashMap<>();
        for (int r = 0; r <= rounds; r++) {
            for (Map.Entry<String, HttpClient> way : clients.entrySet()) {
                boolean async = way.getKey().contains("sendAsync");
                HttpClient http = way.getValue();
                double[] ms = new double[calls];
                Thread t = Thread.ofVirtual().start(() -> {
                    try {
                        for (int i = 0; i < calls; i++) {
                            long t0 = System.nanoTime();
                            HttpResponse<byte[]> answer = async
                                    ? http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                                            .get(5, TimeUnit.SECONDS)
                                    : http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (answer.statusCode() != 200)
                                throw new IllegalStateException("HTTP " + answer.statusCode());
                            ms[i] = (System.nanoTime() - t0) / 1e6;
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                t.join();
                Arrays.sort(ms);
                if (r == 0) continue; // warm-up
                p50s.computeIfAbsent(way.getKey(), k -> new ArrayList<>()).add(ms[calls / 2]);
                System.out.printf(
                        "round %d %-18s p50 %.3f ms, p90 %.3f ms%n",
                        r, way.getKey(), ms[calls / 2], ms[calls * 9 / 10]);
            }
        }
        p50s.forEach((way, list) -> {
            Collections.sort(list);
            System.out.printf("median p50 %-18s %.3f ms%n", way, list.get(list.size() / 2));
        });
        System.exit(0);
    }

    private static HttpClient client(java.util.concurrent.Executor executor) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(executor)
                .build();
    }
}
