package vn.ndp.registry.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.agencies.Existence;
import vn.ndp.registry.shared.CalendarDates;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.RegistryException.FieldError;
import vn.ndp.registry.shared.RegistryException.Said;

/**
 * When a change of an entry may take effect ({@link PlatformRegister#checkEffective}): not after today (the registry
 * records what has taken effect, not what will); not before the platform was listed; not before the latest earlier
 * change of the owner, or of the status, that it changes (each one's history stays in order); and a new owner must
 * exist on that day. Each refusal names the dates it compares, in Vietnamese (dd/MM/yyyy) and English, for the
 * page's sentence ({@code gov.error.field.FIELD.WHAT}: {0} and {1} the effective date, then the other values in both
 * languages).
 */
final class EffectiveDateRules {

    static final String FIELD = "effective_on";

    private EffectiveDateRules() {
    }

    static void check(Platform current, Platform changed, LocalDate effective, LocalDate today, Agencies agencies) {
        if (effective.isAfter(today)) {
            throw refused(ErrorCode.EFFECTIVE_DATE_IN_FUTURE, FIELD, "future", "is " + effective + ", after today ("
                    + today + "): a change is recorded once it has taken effect; future-dated changes are not"
                    + " supported. Ask for it again on or after " + effective + ".", effective, vi(today), en(today));
        }
        LocalDate listed = current.listingDate();
        if (listed != null && effective.isBefore(listed)) {
            throw refused(ErrorCode.EFFECTIVE_DATE_OUT_OF_ORDER, FIELD, "beforeListing", "is " + effective
                    + ", before " + current.code() + " was listed (" + listed + "); give a date on or after it.",
                    effective, vi(listed), en(listed));
        }
        boolean owner = !changed.ownerCode().equals(current.ownerCode());
        if (owner) {
            refuseBeforeLatest(current.past().owners(), "beforeOwnerChange", "owner", current, effective);
        }
        if (changed.status() != current.status()) {
            refuseBeforeLatest(current.past().statuses(), "beforeStatusChange", "status", current, effective);
        }
        if (owner) {
            refuseNotFormed(changed, effective, agencies);
            checkOwnerOn(changed, effective, agencies);
        }
    }

    /**
     * Refuses {@code platform}'s owner if it has ended by {@code from}, the day it would hold the platform from
     * ({@link ErrorCode#AGENCY_MERGED}, naming who holds its platforms that day). An owner not formed yet on that day
     * is not refused here: a platform listed from a decision taken before its owner was formed (a ministry formed by a
     * later merger) stays recordable; a transfer to one is refused by {@link #check}.
     */
    static void checkOwnerOn(Platform platform, LocalDate from, Agencies agencies) {
        String code = platform.ownerCode();
        if (code != null && agencies.find(code).isPresent()
                && agencies.existenceOn(code, from) instanceof Existence.Ended ended) {
            Agency agency = ended.agency();
            throw refused(ErrorCode.AGENCY_MERGED, PlatformField.OWNER.wireName(),
                    ended.holder() == null ? "ended" : "endedHolder",
                    "cannot take the platform from " + from + ": " + ended(ended), from, agency.nameVi(),
                    agency.name(Locale.ENGLISH), vi(ended.endedOn()), en(ended.endedOn()),
                    ended.holder() == null ? "" : ended.holder().nameVi(),
                    ended.holder() == null ? "" : ended.holder().name(Locale.ENGLISH));
        }
    }

    /**
     * The day a platform's owner holds it from when it is listed: its listing date, or today when that is unknown or
     * later.
     */
    static LocalDate ownedFrom(LocalDate listing, LocalDate today) {
        return listing != null && listing.isBefore(today) ? listing : today;
    }

    /**
     * Why {@code ownerCode} cannot own a platform from {@code effective} on (it has ended by then), naming who holds
     * its platforms on that day, if it cannot.
     */
    static Optional<String> ended(String ownerCode, LocalDate effective, Agencies agencies) {
        if (ownerCode == null || agencies.find(ownerCode).isEmpty()
                || !(agencies.existenceOn(ownerCode, effective) instanceof Existence.Ended ended)) {
            return Optional.empty();
        }
        return Optional.of(ended(ended));
    }

    private static String ended(Existence.Ended ended) {
        return ended.describe() + (ended.holder() == null ? "." : ", which holds its platforms on " + ended.date()
                + ": give " + ended.holder().code() + ".");
    }

    private static void refuseBeforeLatest(List<Platform.Earlier> earlier, String what, String name, Platform current,
            LocalDate effective) {
        if (earlier.isEmpty()) {
            return;
        }
        LocalDate latest = earlier.getLast().until();
        if (effective.isBefore(latest)) {
            throw refused(ErrorCode.EFFECTIVE_DATE_OUT_OF_ORDER, FIELD, what, "is " + effective + ", before the "
                    + name + " of " + current.code() + " last changed, on " + latest + "; a change cannot take effect"
                    + " before one already recorded. Give a date on or after " + latest + ".", effective, vi(latest),
                    en(latest));
        }
    }

    /** Refuses a new owner that was not formed yet on the day the transfer takes effect. */
    private static void refuseNotFormed(Platform changed, LocalDate effective, Agencies agencies) {
        if (agencies.find(changed.ownerCode()).isEmpty()
                || !(agencies.existenceOn(changed.ownerCode(), effective) instanceof Existence.NotYetFormed notYet)) {
            return;
        }
        Agency agency = notYet.agency();
        String from = notYet.formedFrom().stream().map(Agency::code).collect(Collectors.joining(", "));
        throw refused(ErrorCode.AGENCY_NOT_FORMED, PlatformField.OWNER.wireName(),
                notYet.formedFrom().isEmpty() ? "notFormed" : "notFormedFrom",
                "cannot take the platform from " + effective + ", the day the change takes effect: "
                        + agency.code() + " (" + agency.name(Locale.ENGLISH) + ") was formed on "
                        + notYet.formedOn() + (from.isEmpty() ? "." : "; on that day its duties were "
                        + from + "'s."), effective, agency.nameVi(), agency.name(Locale.ENGLISH),
                vi(notYet.formedOn()), en(notYet.formedOn()), names(notYet.formedFrom(), null),
                names(notYet.formedFrom(), Locale.ENGLISH));
    }

    /**
     * A refusal of {@code field} with its sentence {@code gov.error.field.FIELD.WHAT}, quoting the effective date
     * ({0} Vietnamese, {1} English) and then {@code more}.
     */
    private static RegistryException refused(ErrorCode code, String field, String what, String message,
            LocalDate effective, Object... more) {
        Object[] arguments = new Object[more.length + 2];
        arguments[0] = vi(effective);
        arguments[1] = en(effective);
        System.arraycopy(more, 0, arguments, 2, more.length);
        String label = field.equals(FIELD) ? "The effective date " : "The owner ";
        return new RegistryException(code, label + message, List.of(FieldError.of(field, message,
                Said.of("gov.error.field." + field + "." + what, arguments))));
    }

    private static String names(List<Agency> agencies, Locale locale) {
        return agencies.stream().map(a -> locale == null ? a.nameVi() : a.name(locale))
                .collect(Collectors.joining(", "));
    }

    private static String vi(LocalDate date) {
        return CalendarDates.vietnamese(date);
    }

    private static String en(LocalDate date) {
        return CalendarDates.format(date, Locale.ENGLISH);
    }
}
