package dev.hearth.media.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of {@code multipart/form-data} (RFC 7578) to take one text field out of a body already in
 * memory (the door bounds its size): Plex sends its JSON as the {@code payload} field, with a JPEG
 * {@code thumb} beside it for some events.
 */
final class MultipartForm {
    private static final Pattern BOUNDARY =
            Pattern.compile("boundary=(?:\"([^\"]+)\"|([^;\\s]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private MultipartForm() {}

    static Optional<String> field(String contentType, byte[] body, String name) {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data") || !m.find()) {
            throw new InvalidWebhookPayload("expected multipart/form-data with a boundary, got "
                    + contentType.split(";")[0]);
        }
        byte[] delimiter =
                ("--" + (m.group(1) != null ? m.group(1) : m.group(2))).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int partStart = at + delimiter.length;
            if (partStart + 1 < body.length && body[partStart] == '-' && body[partStart + 1] == '-') break;
            int next = indexOf(body, delimiter, partStart);
            if (next < 0) break;
            byte[] part = Arrays.copyOfRange(body, partStart, next);
            int headersEnd = indexOf(part, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            if (headersEnd >= 0) {
                String headers = new String(part, 0, headersEnd, StandardCharsets.UTF_8);
                Matcher n = NAME.matcher(headers);
                if (n.find() && n.group(1).equals(name)) {
                    int end = part.length;
                    if (end >= 2 && part[end - 2] == '\r' && part[end - 1] == '\n') end -= 2;
                    return Optional.of(new String(part, headersEnd + 4, end - headersEnd - 4, StandardCharsets.UTF_8));
                }
            }
            at = next;
        }
        return Optional.empty();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
