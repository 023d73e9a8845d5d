package dev.hearth.platform.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Encodes {@code multipart/form-data} (RFC 7578) into one byte array; uploads here are small (.torrent files). */
final class Multipart {

    private Multipart() {}

    record Encoded(byte[] body, String contentType) {}

    static Encoded encode(List<MultipartPart> parts) {
        String boundary = "hearth-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (MultipartPart part : parts) {
            StringBuilder head = new StringBuilder()
                    .append("--")
                    .append(boundary)
                    .append("\r\n")
                    .append("Content-Disposition: form-data; name=\"")
                    .append(quoted(part.name()))
                    .append('"');
            if (part.filename() != null) {
                head.append("; filename=\"").append(quoted(part.filename())).append('"');
            }
            head.append("\r\nContent-Type: ")
                    .append(oneLine(part.contentType()))
                    .append("\r\n\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(part.data());
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new Encoded(out.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    // RFC 7578 §4.2: names are quoted strings; escape the quote and drop line breaks so a
    // file name cannot inject headers into the body.
    private static String quoted(String value) {
        return oneLine(value).replace("\"", "%22");
    }

    private static String oneLine(String value) {
        return value.replace("\r", "").replace("\n", "");
    }
}
