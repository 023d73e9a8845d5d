package dev.hearth.platform.web;

import java.util.Map;

/**
 * The body of an error in another convention than Hearth's own: a seed's compatibility door puts one in the
 * request's context (under {@link #KEY}) before anything can fail, so every failure on its routes — the gate's
 * 401 and 429, an unknown route's 404, a route's own ApiException — answers in the seed's shape. The status
 * code stays the error code's; only the body changes.
 */
public interface ErrorShape {
    String KEY = "hearth.error_shape";

    Object body(ErrorCode code, String message, Map<String, Object> details, String requestId);
}
