package vn.ndp.registry.shared.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.ndp.registry.shared.ConcurrentChange;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.RegistryException;

/**
 * What a page says when a form was not saved or an action not done ({@code fragments/problems.html}), in the reader's
 * language where the message files have the sentence, else in the API's English:
 * <ul>
 * <li>the headline: the message of the error's code ({@code PREFIX.CODE}), else the prefix's general message;</li>
 * <li>what exactly was refused, where the error says it ({@link RegistryException#said()}: a refused attachment, by
 * its name);</li>
 * <li>with {@code detail}, the error's own English text, when it has no field problems (said one by one) and no
 * sentence of its own;</li>
 * <li>each field problem: the refusal's own sentence for it where it is one of the field's on this page
 * ({@link RegistryException.FieldError#said()} keyed {@code PREFIX.field.FIELD.WHAT}: which code is unknown, say);
 * else the field's own sentence ({@code PREFIX.field.FIELD}, which may quote {@code given} as
 * {0}); a field that is an item of a configured group, {@code GROUP.ITEM} such as {@code criterion.technical}, shares
 * its group's sentence ({@code PREFIX.field.GROUP}), which names the item as {0} as the pages name it
 * ({@link ConfiguredLabels}); else the field's name and the API's English text.</li>
 * </ul>
 * A concurrent change's problems say what changed meanwhile, not what was wrong: they are never replaced by the
 * field's rule, and name the field by its label ({@code LABELS + FIELD}) where there is one. Each is said in the
 * reader's language by its own sentence where it has one ({@link RegistryException.FieldError#said()}, see
 * {@link ConcurrentChange}), with the field's label (or name) as {0}, stored values labelled as the history panels
 * label them ({@link RevisionValues}) and moments on Vietnam's clock; else by the API's English text.
 */
@Component("problemSentences")
public class ProblemSentences {

    private final MessageSource messages;
    private final ConfiguredLabels labels;
    private final RevisionValues values;
    private final Dates dates;

    ProblemSentences(MessageSource messages, ConfiguredLabels labels, RevisionValues values, Dates dates) {
        this.messages = messages;
        this.labels = labels;
        this.values = values;
        this.dates = dates;
    }

    /**
     * What to say about {@code error}.
     *
     * @param prefix     the page's message prefix ({@code exchange.manage.error})
     * @param given      what the reader gave, which a field's sentence may quote as {0} (null when none)
     * @param detail     whether to show the error's English text when nothing more precise is said
     * @param fieldLabels the prefix of the fields' labels ({@code field.}), for a concurrent change's fields
     */
    public Problem of(RegistryException error, String prefix, Object given, boolean detail, String fieldLabels) {
        Locale locale = LocaleContextHolder.getLocale();
        String headline = message(prefix + "." + error.code().name(), null, locale);
        if (headline == null) {
            headline = messages.getMessage(prefix, null, prefix, locale); // a missing sentence shows its key, as a page would
        }
        RegistryException.Said said = error.said();
        String saidText = said == null ? null : messages.getMessage(said.key(), said.arguments().stream()
                .map(argument -> shown(argument, fieldLabels, null, locale)).toArray(), locale);
        String detailText = detail && error.errors().isEmpty() && said == null ? error.getMessage() : null;
        boolean changed = error.code() == ErrorCode.CONCURRENT_CHANGE;
        List<Line> lines = error.errors().stream()
                .map(problem -> changed ? changed(problem, fieldLabels, locale) : line(problem, prefix, given, locale))
                .toList();
        return new Problem(headline, saidText, detailText, lines);
    }

    private Line line(RegistryException.FieldError problem, String prefix, Object given, Locale locale) {
        String field = problem.field();
        if (field == null) {
            return Line.unlabelled(null, problem.message());
        }
        RegistryException.Said said = problem.said();
        if (said != null && said.key().startsWith(prefix + ".field." + field + ".")) {
            String sentence = message(said.key(), said.arguments().stream()
                    .map(argument -> shown(argument, null, field, locale)).toArray(), locale);
            if (sentence != null) {
                return Line.said(sentence);
            }
        }
        String sentence = message(prefix + ".field." + field, new Object[] {given}, locale);
        int dot = field.indexOf('.');
        if (sentence == null && dot > 0) {
            sentence = message(prefix + ".field." + field.substring(0, dot), new Object[] {labels.label(field)}, locale);
        }
        return sentence != null ? Line.said(sentence) : Line.unlabelled(field, problem.message());
    }

    private Line changed(RegistryException.FieldError problem, String fieldLabels, Locale locale) {
        String label = problem.field() == null ? null : message(fieldLabels + problem.field(), null, locale);
        RegistryException.Said said = problem.said();
        if (said != null) {
            List<Object> arguments = new ArrayList<>();
            arguments.add(label != null ? label : problem.field());
            said.arguments().forEach(argument -> arguments.add(shown(argument, fieldLabels, problem.field(), locale)));
            String sentence = message(said.key(), arguments.toArray(), locale);
            if (sentence != null) {
                return Line.said(sentence);
            }
        }
        return new Line(null, label, problem.field(), problem.message());
    }

    /**
     * A stored value as the history panels label it, a state by its label, a moment on Vietnam's clock as the pages
     * write it.
     */
    private Object shown(Object argument, String fieldLabels, String field, Locale locale) {
        return switch (argument) {
            case null -> "";
            case ConcurrentChange.Value value -> values.label(fieldLabels, field, value.text());
            case RegistryException.Label label -> messages.getMessage(label.key(), null, label.key(), locale);
            case OffsetDateTime moment -> dates.dateTime(moment);
            default -> argument;
        };
    }

    private String message(String key, Object[] arguments, Locale locale) {
        return messages.getMessage(key, arguments, null, locale);
    }

    /** The headline, what was refused (or null), the English detail (or null), and one line per field problem. */
    public record Problem(String headline, String said, String detail, List<Line> lines) {
    }

    /**
     * One field problem: either a {@code sentence} in the reader's language, or the field's {@code label} (null: its
     * name, {@code field}, is shown as code) followed by the API's English {@code message}.
     */
    public record Line(String sentence, String label, String field, String message) {

        static Line said(String sentence) {
            return new Line(sentence, null, null, null);
        }

        static Line unlabelled(String field, String message) {
            return new Line(null, null, field, message);
        }
    }
}
