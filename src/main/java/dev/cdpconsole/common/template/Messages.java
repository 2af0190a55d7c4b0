package dev.cdpconsole.common.template;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/** The console's message bundles ({@code messages*.properties}, UTF-8), for templates and Java code alike. */
public final class Messages {

    static final String BUNDLE = "messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), NO_FALLBACK);
    }

    /** The message for the key, formatted with the arguments, if the bundle has it. */
    public static Optional<String> find(Locale locale, String key, Object... args) {
        try {
            String pattern = bundle(locale).getString(key);
            return Optional.of(args == null || args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    /** The message, or the key itself in question marks when the bundles lack it (a bug to see at once). */
    public static String get(Locale locale, String key, Object... args) {
        return find(locale, key, args).orElse("??" + key + "??");
    }
}
