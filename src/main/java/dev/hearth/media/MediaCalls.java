package dev.hearth.media;

import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A call to a media service on behalf of a request: a service that fails or times out is a 503 or 504 naming
 * it, an unknown title or library a 404, a refusal (already added, no such root folder) a 409 with the
 * upstream's own reason; never a 500.
 */
public final class MediaCalls {
    private MediaCalls() {}

    public static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            throw e;
        } catch (MediaNotFoundException e) {
            throw new ApiException(ErrorCode.NOT_FOUND, String.valueOf(e.getMessage()), Map.of("service", service));
        } catch (MediaRejectedException e) {
            throw new ApiException(
                    ErrorCode.CONFLICT, "'" + service + "' refused: " + e.getMessage(), Map.of("service", service));
        } catch (UpstreamException.Timeout e) {
            throw new ApiException(
                    ErrorCode.TIMEOUT,
                    "'" + service + "' did not answer in time: " + e.getMessage(),
                    Map.of("service", service, "reason", e.reason()));
        } catch (UpstreamException e) {
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "'" + service + "' failed: " + e.getMessage(),
                    Map.of("service", service, "reason", e.reason()));
        }
    }

    public static void run(String service, Runnable call) {
        call(service, () -> {
            call.run();
            return Boolean.TRUE;
        });
    }
}
