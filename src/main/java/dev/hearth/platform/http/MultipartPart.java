package dev.hearth.platform.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One part of a {@code multipart/form-data} body; a file part has a {@code filename}. */
public record MultipartPart(String name, @Nullable String filename, String contentType, byte[] data) {

    public MultipartPart {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(data, "data");
    }

    /** A plain form field, e.g. qBittorrent's {@code savepath}. */
    public static MultipartPart field(String name, String value) {
        return new MultipartPart(name, null, "text/plain; charset=UTF-8", value.getBytes(StandardCharsets.UTF_8));
    }

    /** A file, e.g. a {@code .torrent} as {@code application/x-bittorrent}. */
    public static MultipartPart file(String name, String filename, String contentType, byte[] data) {
        return new MultipartPart(name, filename, contentType, data);
    }

    @Override
    public String toString() {
        return "MultipartPart[name=" + name + ", filename=" + filename + ", contentType=" + contentType + ", bytes="
                + data.length + "]";
    }
}
