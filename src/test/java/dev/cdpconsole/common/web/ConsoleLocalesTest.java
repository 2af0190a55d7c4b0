package dev.cdpconsole.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ConsoleLocalesTest {

    @Test
    void acceptLanguagePicksTheBestSupportedLanguage() {
        assertEquals(ConsoleLocales.KOREAN, ConsoleLocales.fromAcceptLanguage("ko-KR,ko;q=0.9,en-US;q=0.8"));
        assertEquals(ConsoleLocales.CHINESE, ConsoleLocales.fromAcceptLanguage("zh-CN,zh;q=0.9"));
        assertEquals(ConsoleLocales.CHINESE, ConsoleLocales.fromAcceptLanguage("fr-FR;q=0.9, zh;q=0.8"));
        assertEquals(ConsoleLocales.ENGLISH, ConsoleLocales.fromAcceptLanguage("de-DE,fr;q=0.5"));
        assertEquals(ConsoleLocales.ENGLISH, ConsoleLocales.fromAcceptLanguage(null));
        assertEquals(ConsoleLocales.ENGLISH, ConsoleLocales.fromAcceptLanguage(";;;q=abc,,"));
        assertEquals(ConsoleLocales.ENGLISH, ConsoleLocales.fromAcceptLanguage("ko;q=0, en;q=0.1"));
    }

    @Test
    void tagsRoundTrip() {
        for (var locale : ConsoleLocales.SUPPORTED) {
            assertEquals(Optional.of(locale), ConsoleLocales.byTag(ConsoleLocales.tag(locale)));
        }
        assertEquals(Optional.of(ConsoleLocales.CHINESE), ConsoleLocales.byTag("zh_CN"));
        assertTrue(ConsoleLocales.byTag("xx").isEmpty());
        assertTrue(ConsoleLocales.byTag("<script>").isEmpty());
        assertTrue(ConsoleLocales.byTag("x".repeat(100)).isEmpty());
    }
}
