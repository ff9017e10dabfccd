package vn.ndp.registry.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.web.multipart.MultipartFile;

/** The files of a multipart form or request, read once for the checks and stores that take them. */
public final class Uploads {

    private Uploads() {
    }

    /**
     * Each file sent, as {@code as} (file name, bytes) makes it. A file input left empty still sends a part, without
     * a name or content: such parts are no upload and are skipped. An empty file with a name is kept, so that the
     * checks refuse it by name.
     */
    public static <T> List<T> read(List<MultipartFile> files, BiFunction<String, byte[], T> as) {
        List<T> uploads = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            String name = file.getOriginalFilename();
            if (file.isEmpty() && (name == null || name.isBlank())) {
                continue;
            }
            try {
                uploads.add(as.apply(name, file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }
}
