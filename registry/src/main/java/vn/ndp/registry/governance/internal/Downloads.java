package vn.ndp.registry.governance.internal;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.ndp.registry.governance.EvidenceDocuments;

/**
 * Evidence documents leave the registry only as attachments, typed as the
 * kind their content was recognised as, never sniffed or rendered by browsers.
 */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<byte[]> attachment(EvidenceDocuments.Download download) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(download.document().contentType()));
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(download.document().fileName(), StandardCharsets.UTF_8).build());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
        headers.setCacheControl("private, no-store");
        return ResponseEntity.ok().headers(headers).body(download.content());
    }
}
