package vn.ndp.registry.support.internal;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.ndp.registry.support.SupportDesk;

/** Attachments leave the registry only as downloads, typed as recognised, never sniffed or rendered. */
final class Attachments {

    private Attachments() {
    }

    static ResponseEntity<byte[]> download(SupportDesk.Download download) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(download.attachment().contentType()));
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(download.attachment().fileName(), StandardCharsets.UTF_8).build());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
        headers.setCacheControl("private, no-store");
        return ResponseEntity.ok().headers(headers).body(download.content());
    }
}
