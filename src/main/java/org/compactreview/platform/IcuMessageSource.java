package org.compactreview.platform;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.compactreview.platform.web.Figures;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The messages of {@code messages*.properties}, every one formatted by ICU's MessageFormat
 * instead of the JDK's, with or without arguments: one syntax for every message, in which a
 * count picks the plural form of the reader's language ({@code {0, plural, one {# day} few {#
 * дня} many {# дней} other {# дня}}}: Russian has four forms, Arabic six, Chinese one).
 *
 * <p>Why all messages and not only those with a plural: a message then never changes formatter
 * when a translator adds a plural, and the apostrophe rule stays one rule. ICU and the JDK agree
 * on it as we write messages: a literal apostrophe is {@code ''} (MessagesTest forbids a single
 * one, which the JDK would read as a quote and ICU as a letter).
 *
 * <p>Numbers in a message are written with the digits {@link Figures#withDigits(Locale)} chooses,
 * as every other figure on the page; a count must be passed as a number, not as text, for its
 * plural form to be chosen.
 */
class IcuMessageSource extends ResourceBundleMessageSource {

    private record Key(String pattern, Locale locale) {}

    /** Parsed formats of the bundles' patterns: a bounded set (keys x UI languages). */
    private final Map<Key, MessageFormat> formats = new ConcurrentHashMap<>();

    @Override
    protected String getMessageInternal(String code, Object[] args, Locale locale) {
        if (code == null) {
            return null;
        }
        Locale target = locale == null ? Locale.getDefault() : locale;
        String pattern = resolveCodeWithoutArguments(code, target);
        if (pattern == null) {
            // Common messages and a parent source, as Spring resolves them.
            return super.getMessageInternal(code, args, target);
        }
        MessageFormat format = formats.computeIfAbsent(new Key(pattern, target), k -> create(k.pattern(), k.locale()));
        return format(format, resolveArguments(args, target));
    }

    /** Default messages (a binding error's own text, a validation message): parsed each time, not kept. */
    @Override
    protected String formatMessage(String msg, Object[] args, Locale locale) {
        if (msg == null) {
            return null;
        }
        try {
            return format(create(msg, locale == null ? Locale.getDefault() : locale), resolveArguments(args, locale));
        } catch (IllegalArgumentException notAPattern) {
            // A default message is not written for a formatter (it may quote user input).
            return msg;
        }
    }

    private static String format(MessageFormat format, Object[] args) {
        // An ICU format is not safe for concurrent use, like the JDK's (Spring locks those too).
        synchronized (format) {
            return format.format(args == null ? new Object[0] : args);
        }
    }

    static MessageFormat create(String pattern, Locale locale) {
        return new MessageFormat(pattern, numbering(locale));
    }

    /**
     * ICU would write Arabic with Arabic-Indic digits by its own default whatever the page does:
     * the numbering system is always said, from the rule of {@link Figures}.
     */
    static ULocale numbering(Locale locale) {
        Locale numbers = Figures.withDigits(locale);
        String system = numbers.getUnicodeLocaleType("nu");
        return ULocale.forLocale(numbers).setKeywordValue("numbers", system == null ? "latn" : system);
    }
}
