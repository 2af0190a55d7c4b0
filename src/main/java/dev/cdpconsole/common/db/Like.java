package dev.cdpconsole.common.db;

/** LIKE patterns from user text: the text matches itself only, its {@code %} and {@code _} included. */
public final class Like {

    /** The escape character the patterns use; queries name it with {@code ESCAPE '\'}. */
    public static final char ESCAPE = '\\';

    private Like() {
    }

    /** A pattern matching every value that starts with the text. */
    public static String prefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
