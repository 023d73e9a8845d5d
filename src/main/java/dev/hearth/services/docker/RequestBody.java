package dev.hearth.services.docker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a request can carry: a JSON document, or a file streamed as-is (an image tarball). */
sealed interface RequestBody {

    String contentType();

    long length() throws IOException;

    void writeTo(OutputStream out) throws IOException;

    record Json(byte[] bytes) implements RequestBody {
        @Override
        public String contentType() {
            return "application/json";
        }

        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(bytes);
        }
    }

    record File(Path path, String contentType) implements RequestBody {
        @Override
        public long length() throws IOException {
            return Files.size(path);
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            Files.copy(path, out);
        }
    }
}
