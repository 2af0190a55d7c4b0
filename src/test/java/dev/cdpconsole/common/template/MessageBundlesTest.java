package dev.cdpconsole.common.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.cdpconsole.common.web.ConsoleLocales;

/** Every UI string exists in English, Korean and Simplified Chinese, and every message a template names exists. */
class MessageBundlesTest {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[(}]");

    private static Set<String> keys(Locale locale) {
        return new TreeSet<>(Messages.bundle(locale).keySet());
    }

    @Test
    void allThreeLanguagesHaveTheSameKeys() {
        Set<String> english = keys(ConsoleLocales.ENGLISH);
        assertEquals(english, keys(ConsoleLocales.KOREAN), "Korean keys");
        assertEquals(english, keys(ConsoleLocales.CHINESE), "Chinese keys");
    }

    @Test
    void noMessageIsEmptyAndTranslationsAreTranslated() {
        for (Locale locale : ConsoleLocales.SUPPORTED) {
            ResourceBundle bundle = Messages.bundle(locale);
            for (String key : bundle.keySet()) {
                assertFalse(bundle.getString(key).isBlank(), locale + " " + key);
            }
        }
        assertEquals("샌드박스", Messages.get(ConsoleLocales.KOREAN, "sandboxes.title"));
        assertEquals("沙盒", Messages.get(ConsoleLocales.CHINESE, "sandboxes.title"));
        assertEquals("Sandbox dev-2 created.", Messages.get(ConsoleLocales.ENGLISH, "sandbox.flash.created", "dev-2"));
    }

    @Test
    void everyKeyATemplateNamesIsInTheBundles() throws IOException {
        Set<String> english = keys(ConsoleLocales.ENGLISH);
        try (Stream<Path> templates = Files.walk(Path.of("src/main/webapp/WEB-INF/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher keys = TEMPLATE_KEY.matcher(Files.readString(template));
                while (keys.find()) {
                    assertTrue(english.contains(keys.group(1)), template + " names " + keys.group(1));
                }
            }
        }
    }

    @Test
    void aMissingKeyIsVisible() {
        assertEquals("??no.such.key??", Messages.get(ConsoleLocales.ENGLISH, "no.such.key"));
    }
}
