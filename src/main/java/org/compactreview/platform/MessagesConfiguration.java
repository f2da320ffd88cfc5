package org.compactreview.platform;

import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's {@code messageSource} (Spring Boot's own steps back when one is defined):
 * {@code messages*.properties} in UTF-8, formatted by ICU ({@link IcuMessageSource}). What was
 * {@code spring.messages.*} lives here now.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    @Bean
    MessageSource messageSource() {
        IcuMessageSource messages = new IcuMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // A key missing in a language falls back to English (messages.properties), never to the
        // server's own language.
        messages.setFallbackToSystemLocale(false);
        // Every message goes through the formatter, with or without arguments, so a literal
        // apostrophe is always written '' (MessagesTest checks it).
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }
}
