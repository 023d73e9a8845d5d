package dev.hearth.fakes.hub;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A service whose answers a test writes: by default it echoes each request as JSON ({@code method}, {@code path},
 * {@code query}, {@code content_type}, {@code body}, and the credentials headers it saw), and
 * {@link #answer(Function)} replaces that (a redirect, a large body, an error). Every request is recorded, so a test
 * can prove that nothing reached a service it must not.
 */
public final class ScriptedService extends HubDouble {
    private volatile Function<Request, Reply> answer = ScriptedService::echo;

    public ScriptedService answer(Function<Request, Reply> f) {
        this.answer = f;
        return this;
    }

    @Override
    protected Reply handle(Request request) {
        return answer.apply(request);
    }

    public static Reply echo(Request r) {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("method", r.method());
        echo.put("path", r.rawPath());
        echo.put("query", r.rawQuery() == null ? "" : r.rawQuery());
        echo.put("content_type", r.header("Content-Type") == null ? "" : r.header("Content-Type"));
        echo.put("body", r.text());
        echo.put("api_key_header", r.header("X-Api-Key") == null ? "" : r.header("X-Api-Key"));
        echo.put("cookie", r.header("Cookie") == null ? "" : r.header("Cookie"));
        return Reply.json(200, echo);
    }
}
