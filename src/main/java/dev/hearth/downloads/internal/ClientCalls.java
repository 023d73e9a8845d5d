package dev.hearth.downloads.internal;

import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A call to a client on behalf of a request: a client that fails or times out is a 503 or 504 naming it,
 * never a 500, and the message is the upstream's (which never carries secrets).
 */
public final class ClientCalls {
    private ClientCalls() {}

    public static <T> T call(String client, Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            throw e;
        } catch (UpstreamException.Timeout e) {
            throw new ApiException(
                    ErrorCode.TIMEOUT,
                    "Download client '" + client + "' did not answer in time: " + e.getMessage(),
                    Map.of("client", client, "reason", e.reason()));
        } catch (UpstreamException e) {
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "Download client '" + client + "' failed: " + e.getMessage(),
                    Map.of("client", client, "reason", e.reason()));
        } catch (RuntimeException e) {
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "Download client '" + client + "' failed: " + e.getMessage(),
                    Map.of("client", client, "reason", "error"));
        }
    }

    public static void run(String client, Runnable call) {
        call(client, () -> {
            call.run();
            return null;
        });
    }
}
