package vn.ndp.registry.shared;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The refusal ({@link ErrorCode#CONCURRENT_CHANGE}) of a write based on a version someone else has changed since:
 * it names each change made in between (the field, its value before and after, who and when), so that the writer can
 * review them and apply theirs again. Add the revisions made since, oldest first, then take {@link #refusal()}.
 * Each change also carries its sentence for the pages ({@link RegistryException.Said}), in the reader's language.
 * A version the subject has not reached yet is not a concurrent change but the writer's mistake: the refusal is then
 * {@link ErrorCode#INVALID_PARAMETER} on {@code version}.
 */
public final class ConcurrentChange {

    private final String subject;
    private final int expectedVersion;
    private final int currentVersion;
    private final List<RegistryException.FieldError> between = new ArrayList<>();

    private ConcurrentChange(String subject, int expectedVersion, int currentVersion) {
        this.subject = subject;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    /** For {@code subject} as the message names it ({@code Platform NDXP}), read at one version, now at another. */
    public static ConcurrentChange of(String subject, int expectedVersion, int currentVersion) {
        return new ConcurrentChange(subject, expectedVersion, currentVersion);
    }

    /**
     * Names each changed field of one revision: {@code changed from 'a' to 'b' by actor at moment}. A page says it
     * with {@code concurrent.changed} ({@code concurrent.set} when the field was empty, {@code concurrent.cleared}
     * when it was emptied): the field as {0}, then the values before and after as {@link Value}s, who, and when.
     */
    public <F> ConcurrentChange changed(List<FieldChange<F>> fields, Function<F, String> wireName, String actor,
            OffsetDateTime at) {
        for (FieldChange<F> change : fields) {
            String before = Objects.toString(change.before(), "");
            String after = Objects.toString(change.after(), "");
            RegistryException.Said said = before.isEmpty()
                    ? RegistryException.Said.of("concurrent.set", new Value(after), actor, at)
                    : after.isEmpty() ? RegistryException.Said.of("concurrent.cleared", new Value(before), actor, at)
                    : RegistryException.Said.of("concurrent.changed", new Value(before), new Value(after), actor, at);
            between.add(RegistryException.FieldError.of(wireName.apply(change.field()), "changed from '" + before
                    + "' to '" + after + "'" + byWhom(actor, at), said));
        }
        return this;
    }

    /**
     * Names a change that is not a field's, under {@code name}: {@code what by actor at moment: why}. A page says it
     * with {@code concurrent.NAME}: {0} the name's label, then who, when and why.
     */
    public ConcurrentChange happened(String name, String what, String actor, OffsetDateTime at, String why) {
        between.add(RegistryException.FieldError.of(name, what + byWhom(actor, at) + ": " + why,
                RegistryException.Said.of("concurrent." + name, actor, at, why)));
        return this;
    }

    /** A field's value as its register stores it ({@code in_use}), which a page labels as it labels the field's. */
    public record Value(String text) {

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * The refusal: nothing was saved, and each change named so far; or, when the version read is ahead of the current
     * one, the invalid {@code version}.
     */
    public RegistryException refusal() {
        if (expectedVersion > currentVersion) {
            String message = "is " + expectedVersion + ", but " + subject + " is at version " + currentVersion
                    + ": send the version you read.";
            return new RegistryException(ErrorCode.INVALID_PARAMETER, "version: " + message,
                    List.of(RegistryException.FieldError.of("version", message)));
        }
        return new RegistryException(ErrorCode.CONCURRENT_CHANGE, subject + " was changed by someone else after you"
                + " read it (you had version " + expectedVersion + ", it is now at version " + currentVersion + ")."
                + " Nothing was saved; review the changes listed and apply yours again.", between);
    }

    private static String byWhom(String actor, OffsetDateTime at) {
        return " by " + actor + " at " + VietnamTime.moment(at);
    }
}
