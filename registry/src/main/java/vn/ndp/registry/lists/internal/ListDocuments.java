package vn.ndp.registry.lists.internal;

import java.time.Clock;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.ndp.registry.lists.OfficialLists;
import vn.ndp.registry.shared.FoldedSearch;

/** Renders a list version as CSV, XLSX or PDF. */
@Component
class ListDocuments {

    private final OfficialLists lists;
    private final MessageSource messages;
    private final Clock clock;

    ListDocuments(OfficialLists lists, MessageSource messages, Clock clock) {
        this.lists = lists;
        this.messages = messages;
        this.clock = clock;
    }

    byte[] csv(UUID id) {
        return ListFiles.csv(lists.entries(id));
    }

    byte[] xlsx(UUID id) {
        return ListFiles.xlsx(lists.get(id), lists.entries(id));
    }

    byte[] pdf(UUID id) {
        return ListPdf.render(lists.get(id), lists.entries(id), clock.getZone(), messages);
    }

    /** A file name without diacritics: {@code danh-sach-2765-bttttt-cdsqg.pdf}. */
    String fileName(UUID id, String extension) {
        String number = FoldedSearch.fold(lists.get(id).documentNumber())
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "danh-sach-" + (number.isEmpty() ? id.toString() : number) + "." + extension;
    }
}
