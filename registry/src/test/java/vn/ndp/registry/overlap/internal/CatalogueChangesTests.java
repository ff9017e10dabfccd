package vn.ndp.registry.overlap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.ndp.registry.catalog.PlatformsChanged;
import vn.ndp.registry.overlap.CorpusEntry;
import vn.ndp.registry.overlap.OverlapDetector;
import vn.ndp.registry.overlap.OverlapSettings;
import vn.ndp.registry.overlap.PlatformDescription;

class CatalogueChangesTests {

    private static CorpusEntry platform(String code, String name, String description) {
        return new CorpusEntry(code, name, null, description, null, List.of(), "BNNMT", "economy",
                CorpusEntry.Kind.NATIONAL);
    }

    private final List<CorpusEntry> catalogue = new ArrayList<>(List.of(
            platform("LAND", "Hệ thống thông tin đất đai quốc gia", "Hồ sơ địa chính, bản đồ địa chính, giá đất."),
            platform("TAX", "Hệ thống quản lý thuế tập trung", "Kê khai, nộp thuế điện tử cho doanh nghiệp.")));
    private final AtomicInteger lookups = new AtomicInteger();
    private final OverlapDetector detector = OverlapDetector.of(OverlapSettings.defaults(), catalogue::forEach);
    private final CatalogueChanges changes = new CatalogueChanges(detector, code -> {
        lookups.incrementAndGet();
        return catalogue.stream().filter(p -> p.code().equals(code)).findFirst();
    });

    @Test
    void aRecognisedPlatformIsInTheVeryNextCheckWithoutARebuild() {
        catalogue.add(platform("VMS", "Hệ thống giám sát tàu cá", "Theo dõi vị trí tàu cá trên biển."));

        changes.on(new PlatformsChanged(List.of("VMS")));

        assertThat(detector.corpusSize()).isEqualTo(3);
        assertThat(detector.check(PlatformDescription.named("Giám sát tàu cá trên biển", null)).matches().getFirst()
                .platform().code()).isEqualTo("VMS");
    }

    @Test
    void aPlatformNoLongerListedLeavesTheIndexAtOnce() {
        catalogue.removeIf(p -> p.code().equals("TAX"));

        changes.on(new PlatformsChanged(List.of("TAX")));

        assertThat(detector.corpusSize()).isEqualTo(1);
        assertThat(detector.check(PlatformDescription.named("Quản lý thuế tập trung", "Nộp thuế điện tử")).matches())
                .extracting(m -> m.platform().code()).doesNotContain("TAX");
    }

    @Test
    void anImportOfManyPlatformsIsLeftToTheBackgroundRebuildNotLookedUpOneByOne() {
        List<String> codes = IntStream.rangeClosed(1, CatalogueChanges.ONE_BY_ONE + 1).mapToObj(i -> "P" + i).toList();

        changes.on(new PlatformsChanged(codes));

        assertThat(lookups).hasValue(0);
        changes.on(new PlatformsChanged(codes.subList(0, CatalogueChanges.ONE_BY_ONE)));
        assertThat(lookups).hasValue(CatalogueChanges.ONE_BY_ONE);
        assertThat(detector.corpusSize()).as("codes the catalogue does not list change nothing").isEqualTo(2);
    }
}
