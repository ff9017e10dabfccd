package vn.ndp.registry.notifications.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.governance.GovernanceEvent.Decision;
import vn.ndp.registry.notifications.NoticeText;
import vn.ndp.registry.shared.Bilingual;
import vn.ndp.registry.shared.CalendarDates;

/** The words of every notice, Vietnamese and English. Dates are dd/MM/yyyy in Vietnamese, d MMM yyyy in English. */
public final class NoticeTexts {


    private NoticeTexts() {
    }

    /** A platform (or proposed platform) as notices name it: its name and code, or its code alone for a name. */
    record Subject(String code, String nameVi, String nameEn, String link) implements Bilingual {
        String vi() {
            return named(nameVi);
        }

        String en() {
            return named(nameEn == null ? nameVi : nameEn);
        }

        /**
         * "nền tảng X (CODE)", or the name alone where it already says it is a platform: "Nền tảng Hồ sơ sức khỏe
         * điện tử (VHR)" is not a "nền tảng Nền tảng ...".
         */
        String platformVi() {
            String named = vi();
            return named.toLowerCase(VIETNAMESE).startsWith("nền tảng ") ? named : "nền tảng " + named;
        }

        /** "platform X (CODE)", or the name alone where it already says it is a platform ("VHR platform"). */
        String platformEn() {
            String named = en();
            return PLATFORM_WORD.matcher(named).find() ? named : "platform " + named;
        }

        /** The name and, unless it is the code or already shows it ("... (VHR)"), the code in brackets. */
        private String named(String name) {
            if (name == null || name.equals(code)) {
                return code;
            }
            return name.contains("(" + code + ")") ? name : name + " (" + code + ")";
        }
    }

    /**
     * An agency the directory does not know (or none), named by its code in both languages: there is no Vietnamese
     * name to mark.
     */
    record UnknownAgency(String code) implements Bilingual {
        @Override
        public String nameVi() {
            return String.valueOf(code);
        }

        @Override
        public String nameEn() {
            return nameVi();
        }
    }

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private static final Pattern PLATFORM_WORD = Pattern.compile("(?i)\\bplatform\\b");

    /** A sentence's first letter in capitals: "nền tảng X" opening a sentence. */
    private static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(VIETNAMESE) + text.substring(1);
    }

    static NoticeText submitted(Subject p, Bilingual agency, String actor) {
        String agencyVi = agency.nameVi();
        String agencyEn = agency.name(Locale.ENGLISH);
        return new NoticeText("PROPOSAL_SUBMITTED",
                "Hồ sơ đề xuất nền tảng chờ thẩm định: " + p.vi(),
                "Platform proposal awaiting evaluation: " + p.en(),
                agencyVi + " đã gửi hồ sơ đề xuất " + p.platformVi() + " (người gửi: " + actor
                        + "). Đề nghị thẩm định hồ sơ theo các nhóm tiêu chí của Quyết định 1230/QĐ-BTTTT.",
                agencyEn + " submitted a proposal for the " + p.platformEn() + " (submitted by " + actor
                        + "). Please evaluate it against the criteria groups of Decision 1230/QĐ-BTTTT.",
                p.link()).quoting(p.vietnameseShownIn(Locale.ENGLISH), agency.vietnameseShownIn(Locale.ENGLISH));
    }

    static NoticeText returned(Subject p, String reason) {
        return new NoticeText("PROPOSAL_RETURNED",
                "Hồ sơ đề xuất được trả lại để bổ sung, chỉnh sửa: " + p.vi(),
                "Proposal returned for changes: " + p.en(),
                "Cơ quan quản lý đã trả lại hồ sơ đề xuất " + p.platformVi() + " để bổ sung, chỉnh sửa."
                        + reasonVi(reason),
                "The national authority returned the proposal for the " + p.platformEn() + " for changes."
                        + reasonEn(reason),
                p.link()).quoting(p.vietnameseShownIn(Locale.ENGLISH), reason);
    }

    static NoticeText decided(Subject p, Decision decision, String number, LocalDate date, String reason) {
        String outcomeVi = switch (decision) {
            case RECOGNISED -> "được công nhận là nền tảng số";
            case RECOGNISED_AS_POTENTIAL -> "được công nhận là nền tảng số tiềm năng";
            case REJECTED -> "không được công nhận";
        };
        String outcomeEn = switch (decision) {
            case RECOGNISED -> "has been recognised as a digital platform";
            case RECOGNISED_AS_POTENTIAL -> "has been recognised as a potential digital platform";
            case REJECTED -> "has not been recognised";
        };
        String documentVi = number == null ? "" : " theo văn bản số " + number
                + (date == null ? "" : " ngày " + CalendarDates.vietnamese(date));
        String documentEn = number == null ? "" : " by document " + number
                + (date == null ? "" : " of " + CalendarDates.format(date, Locale.ENGLISH));
        return new NoticeText("PROPOSAL_DECIDED",
                "Kết quả thẩm định: " + p.platformVi() + " " + outcomeVi,
                "Evaluation result: " + p.en() + " " + outcomeEn,
                capitalised(p.platformVi()) + " " + outcomeVi + documentVi + "." + reasonVi(reason),
                "The " + p.platformEn() + " " + outcomeEn + documentEn + "." + reasonEn(reason),
                p.link()).quoting(p.vietnameseShownIn(Locale.ENGLISH), reason);
    }

    /** {@code effectiveOn}: the day the change is to take effect, when the request states one. */
    static NoticeText changeRequested(Subject p, Bilingual agency, String actor, LocalDate effectiveOn) {
        String agencyVi = agency.nameVi();
        String agencyEn = agency.name(Locale.ENGLISH);
        return new NoticeText("CHANGE_REQUESTED",
                "Đề nghị thay đổi thông tin nền tảng chờ xem xét: " + p.vi(),
                "Change to a platform awaiting review: " + p.en(),
                agencyVi + " đề nghị thay đổi thông tin của " + p.platformVi() + " (người đề nghị: " + actor
                        + (effectiveOn == null ? "" : "; có hiệu lực từ ngày " + CalendarDates.vietnamese(effectiveOn))
                        + "). Đề nghị xem xét thay đổi.",
                agencyEn + " asked to change the details of the " + p.platformEn() + " (requested by " + actor
                        + (effectiveOn == null ? "" : "; effective from " + CalendarDates.format(effectiveOn,
                                Locale.ENGLISH)) + "). Please review the change.",
                p.link()).quoting(p.vietnameseShownIn(Locale.ENGLISH), agency.vietnameseShownIn(Locale.ENGLISH));
    }

    /** {@code effectiveOn}: the day an approved change took effect (null for a declined one). */
    static NoticeText changeDecided(Subject p, boolean approved, String reason, LocalDate effectiveOn) {
        boolean dated = approved && effectiveOn != null;
        return new NoticeText("CHANGE_DECIDED",
                (approved ? "Đề nghị thay đổi được chấp thuận: " : "Đề nghị thay đổi không được chấp thuận: ") + p.vi(),
                (approved ? "Change approved: " : "Change declined: ") + p.en(),
                "Đề nghị thay đổi thông tin của " + p.platformVi()
                        + (approved ? " đã được chấp thuận" : " không được chấp thuận")
                        + (dated ? ", có hiệu lực từ ngày " + CalendarDates.vietnamese(effectiveOn) + "." : ".")
                        + reasonVi(reason),
                "The requested change to the " + p.platformEn() + (approved ? " was approved" : " was declined")
                        + (dated ? ", effective from " + CalendarDates.format(effectiveOn, Locale.ENGLISH) + "." : ".")
                        + reasonEn(reason),
                p.link()).quoting(p.vietnameseShownIn(Locale.ENGLISH), reason);
    }

    static NoticeText reevaluationDue(Subject p, LocalDate due) {
        return new NoticeText("REEVALUATION_DUE",
                "Đến hạn đánh giá lại nền tảng: " + p.vi(),
                "Platform re-evaluation due: " + p.en(),
                capitalised(p.platformVi()) + " đến hạn đánh giá lại hằng năm (hạn: " + CalendarDates.vietnamese(due)
                        + "). Đề nghị cập nhật thông tin và chuẩn bị hồ sơ đánh giá lại.",
                "The yearly re-evaluation of the " + p.platformEn() + " is due (by " + CalendarDates.format(due, Locale.ENGLISH)
                        + "). Please bring its details up to date and prepare the re-evaluation.",
                p.link()).quoting(p.vietnameseShownIn(Locale.ENGLISH));
    }

    static NoticeText suspended(Subject p, String reason, String legalBasis) {
        return new NoticeText("PLATFORM_SUSPENDED",
                "Nền tảng bị tạm dừng công nhận: " + p.vi(),
                "Platform suspended: " + p.en(),
                "Cơ quan quản lý đã tạm dừng công nhận " + p.platformVi() + "." + reasonVi(reason)
                        + legalVi(legalBasis),
                "The national authority suspended the " + p.platformEn() + "." + reasonEn(reason)
                        + legalEn(legalBasis),
                p.link()).quoting(p.vietnameseShownIn(Locale.ENGLISH), reason, legalBasis);
    }

    static NoticeText revoked(Subject p, String reason, String legalBasis) {
        return new NoticeText("PLATFORM_REVOKED",
                "Nền tảng bị thu hồi công nhận: " + p.vi(),
                "Platform recognition revoked: " + p.en(),
                "Cơ quan quản lý đã thu hồi công nhận " + p.platformVi() + "." + reasonVi(reason)
                        + legalVi(legalBasis),
                "The national authority revoked the recognition of the " + p.platformEn() + "." + reasonEn(reason)
                        + legalEn(legalBasis),
                p.link()).quoting(p.vietnameseShownIn(Locale.ENGLISH), reason, legalBasis);
    }

    public static NoticeText reminder(Agency agency) {
        String en = agency.name(Locale.ENGLISH);
        return new NoticeText("REMINDER",
                "Đề nghị công bố nền tảng số của " + agency.nameVi(),
                "Please announce the digital platforms of " + en,
                "Theo danh mục nền tảng số quốc gia, " + agency.nameVi() + " chưa có nền tảng số nào được công bố. "
                        + "Đề nghị cơ quan rà soát và gửi hồ sơ đề xuất các nền tảng số do cơ quan làm chủ quản.",
                "According to the national catalogue of digital platforms, " + en + " has not announced any "
                        + "platform. Please review the platforms it owns and submit proposals for them.",
                "/platforms").quoting(agency.vietnameseShownIn(Locale.ENGLISH));
    }

    private static String reasonVi(String reason) {
        return reason == null || reason.isBlank() ? "" : " Lý do: " + reason.strip();
    }

    private static String reasonEn(String reason) {
        return reason == null || reason.isBlank() ? "" : " Reason: " + reason.strip();
    }

    private static String legalVi(String basis) {
        return basis == null || basis.isBlank() ? "" : " Căn cứ: " + basis.strip() + ".";
    }

    private static String legalEn(String basis) {
        return basis == null || basis.isBlank() ? "" : " Legal basis: " + basis.strip() + ".";
    }
}
