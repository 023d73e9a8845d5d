import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * The test upstream for bench/services-health.sh (run as {@code java SlowUpstream.java <port> <delay-ms>}):
 * every path answers 200 after the delay, {@code /hung} never answers. One virtual thread per request and
 * a deep accept backlog, so 50 checks arriving at once are served at once and the figures are Hearth's.
 */
public class SlowUpstream {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long delay = args.length > 1 ? Long.parseLong(args[1]) : 200;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> {
            try {
                Thread.sleep(ex.getRequestURI().getPath().startsWith("/hung") ? 3_600_000 : delay);
            } catch (InterruptedException e) {
                return;
            }
            byte[] body = "ok\n".getBytes();
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        System.out.println("ready");
    }
}
