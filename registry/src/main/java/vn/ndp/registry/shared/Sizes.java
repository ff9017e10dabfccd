package vn.ndp.registry.shared;

import org.springframework.util.unit.DataSize;

/** Sizes as people read them in limits: "10 MB", "512 KB", "300 bytes", never "0 MB" for a limit under a megabyte. */
public final class Sizes {

    private static final long KILOBYTE = 1024;
    private static final long MEGABYTE = 1024 * KILOBYTE;

    private Sizes() {
    }

    public static String text(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= MEGABYTE && bytes % MEGABYTE == 0) {
            return bytes / MEGABYTE + " MB";
        }
        if (bytes >= KILOBYTE && bytes % KILOBYTE == 0) {
            return bytes / KILOBYTE + " KB";
        }
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }
}
