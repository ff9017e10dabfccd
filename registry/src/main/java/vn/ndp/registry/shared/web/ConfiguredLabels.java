package vn.ndp.registry.shared.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the pages call an item of a group a deployment configures, such as a governance criterion
 * ({@code ndp.governance.criteria}): its label, message key {@code GROUP.ITEM} ({@code criterion.technical}), else the
 * item's own name as configured ({@code interoperability}), since a deployment may add items the messages do not
 * know. Templates call {@code ${@configuredLabels.label('criterion.' + c)}}; a refused field named
 * {@code criterion.interoperability} is named the same way.
 */
@Component("configuredLabels")
public class ConfiguredLabels {

    private final MessageSource messages;

    ConfiguredLabels(MessageSource messages) {
        this.messages = messages;
    }

    /** The label of {@code key} ({@code GROUP.ITEM}) in the page's language, else ITEM. */
    public String label(String key) {
        return messages.getMessage(key, null, key.substring(key.indexOf('.') + 1), LocaleContextHolder.getLocale());
    }
}
