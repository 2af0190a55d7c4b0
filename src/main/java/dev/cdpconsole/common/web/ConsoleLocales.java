package dev.cdpconsole.common.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The console's languages: English, 한국어 and 简体中文, and how a request's choice is read. */
public final class ConsoleLocales {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale KOREAN = Locale.KOREAN;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, KOREAN, CHINESE);

    private ConsoleLocales() {
    }

    /** The supported locale a language tag such as {@code ko}, {@code zh-CN} or {@code en} names. */
    public static Optional<Locale> byTag(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 16) {
            return Optional.empty();
        }
        Locale wanted = Locale.forLanguageTag(tag.strip().replace('_', '-'));
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst();
    }

    /** The best supported locale for an {@code Accept-Language} header; English when none fits. */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() == 0) {
                    continue;
                }
                Optional<Locale> match = byTag(range.getRange());
                if (match.isPresent()) {
                    return match.get();
                }
            }
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
        return ENGLISH;
    }

    /** The tag used in links and cookies: {@code en}, {@code ko}, {@code zh-CN}. */
    public static String tag(Locale locale) {
        return locale.toLanguageTag();
    }
}
