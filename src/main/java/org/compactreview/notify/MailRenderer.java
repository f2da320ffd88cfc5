package org.compactreview.notify;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.compactreview.identity.AppUser;
import org.compactreview.platform.UiLanguages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes mails in their recipient's language, at sending time: the words of each notice (from
 * {@link NoticeTexts}, shared with the bell's pages; dates in the recipient's time zone), as plain text and as HTML (right to left in Arabic), from the templates
 * {@code templates/mail/notices.txt} and {@code .html}. One template pair serves a single notice
 * and a digest of many.
 */
@Component
class MailRenderer {

    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final NoticeTexts texts;
    private final NotificationSettingsRepository settings;
    private final MailProperties properties;

    MailRenderer(
            MessageSource messages,
            NoticeTexts texts,
            NotificationSettingsRepository settings,
            MailProperties properties) {
        this.messages = messages;
        this.texts = texts;
        this.settings = settings;
        this.properties = properties;
        this.templates = new SpringTemplateEngine();
        templates.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        templates.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
        templates.setTemplateEngineMessageSource(messages);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** The mail telling {@code user} the notices; a digest when there is more than one or {@code digest}. */
    MailContent render(AppUser user, List<StoredNotice> notices, boolean digest) {
        Locale locale = UiLanguages.of(user.locale() == null ? Locale.ENGLISH : Locale.forLanguageTag(user.locale()))
                .locale();
        NotificationSettings choice = settings.find(user.username());
        List<MailContent.Item> items = notices.stream()
                .map(n -> item(n.notice(), locale, choice.timeZone()))
                .toList();
        boolean optional = notices.stream().allMatch(n -> n.notice().kind().optional());
        String unsubscribe = optional
                ? properties.baseUrl() + "/notifications/unsubscribe/" + settings.unsubscribeToken(user.username())
                : null;
        String subject = digest || items.size() != 1
                ? messages.getMessage("mail.digest.subject", new Object[] {items.size()}, locale)
                : items.get(0).subject();
        MailContent.Model model = new MailContent.Model(
                locale.toLanguageTag(),
                UiLanguages.direction(locale),
                subject,
                items,
                unsubscribe,
                properties.baseUrl() + "/notifications/settings",
                properties.baseUrl() + "/inbox");
        Context context = new Context(locale, Map.of("mail", model));
        return new MailContent(
                user.email(),
                subject,
                templates.process("notices.txt", context),
                templates.process("notices.html", context),
                unsubscribe);
    }

    private MailContent.Item item(Notice notice, Locale locale, ZoneId zone) {
        NoticeTexts.Words words = texts.words(notice, locale, zone);
        return new MailContent.Item(
                words.subject(),
                words.body(),
                words.detail(),
                words.action(),
                notice.link() == null ? properties.baseUrl() + "/inbox" : properties.baseUrl() + notice.link());
    }
}
