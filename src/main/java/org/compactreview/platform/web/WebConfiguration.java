package org.compactreview.platform.web;

import java.time.Duration;
import org.compactreview.platform.LanguageChoices;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language switch: {@code ?lang=ar} on any page changes and remembers the user's language.
 * Parameters the database could not store are refused before any controller sees them. Browsers
 * ask for {@code /favicon.ico} at the root whatever the page links, so that one file is served
 * there too (our other static files live under {@code /assets/}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver(LanguageChoices users) {
        return new UserLocaleResolver(users);
    }

    /**
     * The shipped web fonts (static/fonts, one folder per font version, docs/i18n.md) never change
     * under their address: a browser keeps them for a year without asking again.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/fonts/**")
                .addResourceLocations("classpath:/static/fonts/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        // Browsers ask for /favicon.ico at the root whatever the page links (issue 14).
        registry.addResourceHandler("/favicon.ico")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(7)));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
        languageSwitch.setParamName("lang");
        languageSwitch.setIgnoreInvalidLocale(true);
        registry.addInterceptor(languageSwitch).excludePathPatterns("/api/**");
        registry.addInterceptor(new StorableParameters());
    }
}
