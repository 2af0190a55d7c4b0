package dev.cdpconsole.platform.segment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.cdpconsole.platform.segment.Condition.Compare;
import dev.cdpconsole.platform.segment.Condition.CountEvents;
import dev.cdpconsole.platform.segment.Condition.Operand;
import dev.cdpconsole.platform.segment.Condition.Op;

/**
 * Reads the subset of Adobe's Profile Query Language that segment definitions may use (the README lists it):
 * attribute paths, {@code = != < <= > >=}, {@code and or not}, parentheses, {@code in [...]},
 * {@code path.startsWith("…")}, {@code path.contains("…")}, {@code path.exists()}, {@code now()},
 * {@code daysAgo(n)} and {@code count(events where …) >= n}. A mistake is a {@link PqlException} naming the
 * line and column, what was expected and what was found.
 */
public final class Pql {

    /** Longer definitions are refused, as are conditions nested deeper than {@link #MAX_DEPTH}. */
    public static final int MAX_LENGTH = 20_000;
    static final int MAX_DEPTH = 40;

    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "true", "false", "where");
    private static final String A_CONDITION = "a condition";
    private static final String A_VALUE = "a value (a string, a number, true, false, now() or daysAgo(n))";

    private final String text;
    private final List<Token> tokens;
    private int next;
    private int depth;
    private boolean inEvents;

    private Pql(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    /** The condition a PQL text states; throws {@link PqlException} when it is not one. */
    public static Condition parse(String text) {
        if (text == null || text.isBlank()) {
            throw new PqlException("the definition is empty", 1, 1, A_CONDITION, "the end");
        }
        if (text.length() > MAX_LENGTH) {
            throw new PqlException("the definition is longer than " + MAX_LENGTH + " characters", 1, 1,
                    "a shorter definition", "more text");
        }
        Pql reader = new Pql(text);
        Condition condition = reader.or();
        Token last = reader.peek();
        if (last.kind != Kind.END) {
            throw reader.expected("and, or, or the end of the definition", last);
        }
        return condition;
    }

    // --- grammar --------------------------------------------------------------------------------------------

    private Condition or() {
        List<Condition> parts = new ArrayList<>(List.of(and()));
        while (keyword("or")) {
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.Or(parts);
    }

    private Condition and() {
        List<Condition> parts = new ArrayList<>(List.of(unary()));
        while (keyword("and")) {
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.And(parts);
    }

    private Condition unary() {
        Token start = peek();
        if (++depth > MAX_DEPTH) {
            throw new PqlException("the definition is nested deeper than " + MAX_DEPTH + " levels", start.line,
                    start.column, "fewer parentheses or not", describe(start));
        }
        try {
            if (keyword("not")) {
                return new Condition.Not(unary());
            }
            if (symbol("(")) {
                Condition inner = or();
                expect(")", "a closing parenthesis");
                return inner;
            }
            return predicate();
        } finally {
            depth--;
        }
    }

    private Condition predicate() {
        Token start = peek();
        if (start.kind == Kind.NAME && start.text.equals("count") && peek(1).is("(")) {
            return count();
        }
        Operand left = operand();
        if (left instanceof Condition.Path path && symbol(".")) {
            return method(path);
        }
        Token at = peek();
        boolean negated = false;
        if (at.isKeyword("not") && peek(1).isKeyword("in")) {
            take();
            negated = true;
        }
        if (keyword("in")) {
            Condition in = new Condition.In(left, list());
            return negated ? new Condition.Not(in) : in;
        }
        Op op = operator();
        if (op == null) {
            throw expected("a comparison (= != < <= > >=), in, or .startsWith/.contains/.exists()", peek());
        }
        return new Compare(left, op, operand());
    }

    private Condition method(Condition.Path path) {
        Token name = take();
        if (name.kind != Kind.NAME) {
            throw expected("startsWith, contains, exists or isNotNull", name);
        }
        String method = name.text;
        switch (method) {
            case "startsWith", "contains" -> {
                expect("(", "an opening parenthesis");
                Token value = take();
                if (value.kind != Kind.STRING) {
                    throw expected("a string in double quotes", value);
                }
                expect(")", "a closing parenthesis");
                return new Condition.Text(path, method.equals("startsWith"), value.text);
            }
            case "exists", "isNotNull", "isNull" -> {
                expect("(", "an opening parenthesis");
                expect(")", "a closing parenthesis");
                Condition exists = new Condition.Exists(path);
                return method.equals("isNull") ? new Condition.Not(exists) : exists;
            }
            default -> throw expected("startsWith, contains, exists or isNotNull", name);
        }
    }

    private Condition count() {
        Token start = take();
        if (inEvents) {
            throw new PqlException("count(events …) cannot be used inside another count", start.line, start.column,
                    "a condition on the event", "count");
        }
        expect("(", "an opening parenthesis");
        Token events = take();
        if (!(events.kind == Kind.NAME && events.text.equals("events"))) {
            throw expected("events", events);
        }
        Condition where = null;
        if (keyword("where")) {
            inEvents = true;
            try {
                where = or();
            } finally {
                inEvents = false;
            }
        }
        expect(")", "a closing parenthesis (or where and a condition on the events)");
        Op op = operator();
        if (op == null) {
            throw expected("a comparison (= != < <= > >=) after count(…)", peek());
        }
        Token number = take();
        if (number.kind != Kind.NUMBER) {
            throw expected("a number", number);
        }
        return new CountEvents(where, op, new BigDecimal(number.text));
    }

    private List<Operand> list() {
        expect("[", "[ and a list of values");
        List<Operand> values = new ArrayList<>();
        do {
            Operand value = operand();
            if (!(value instanceof Condition.Literal)) {
                throw expected("a string, a number, true or false", previous());
            }
            values.add(value);
        } while (symbol(","));
        expect("]", "a comma or ]");
        return values;
    }

    private Operand operand() {
        Token token = take();
        switch (token.kind) {
            case STRING:
                return new Condition.Literal(token.text);
            case NUMBER:
                return new Condition.Literal(new BigDecimal(token.text));
            case NAME:
                break;
            default:
                throw expected(A_VALUE + " or an attribute", token);
        }
        if (token.isKeyword("true") || token.isKeyword("false")) {
            return new Condition.Literal(Boolean.valueOf(token.text.toLowerCase(Locale.ROOT)));
        }
        if (KEYWORDS.contains(token.text.toLowerCase(Locale.ROOT))) {
            throw expected(A_VALUE + " or an attribute", token);
        }
        if (peek().is("(")) {
            return function(token);
        }
        List<String> parts = new ArrayList<>(List.of(token.text));
        // a.b.c — but stop before ".name(" so that the method call is read by predicate()
        while (peek().is(".") && peek(1).kind == Kind.NAME && !peek(2).is("(")) {
            take();
            parts.add(take().text);
        }
        return new Condition.Path(parts.toArray(String[]::new));
    }

    private Operand function(Token name) {
        take(); // (
        switch (name.text) {
            case "now" -> {
                expect(")", "a closing parenthesis: now()");
                return new Condition.DaysAgo(0);
            }
            case "daysAgo" -> {
                Token days = take();
                if (days.kind != Kind.NUMBER || days.text.contains(".") || days.text.startsWith("-")) {
                    throw expected("a whole number of days", days);
                }
                expect(")", "a closing parenthesis");
                try {
                    return new Condition.DaysAgo(Math.min(Integer.parseInt(days.text), 100_000));
                } catch (NumberFormatException e) {
                    return new Condition.DaysAgo(100_000);
                }
            }
            default -> throw new PqlException("unknown function " + name.text + "()", name.line, name.column,
                    "now(), daysAgo(n) or count(events …)", name.text);
        }
    }

    private Op operator() {
        Token token = peek();
        if (token.kind != Kind.SYMBOL) {
            return null;
        }
        Op op = switch (token.text) {
            case "=", "==" -> Op.EQ;
            case "!=" -> Op.NE;
            case "<" -> Op.LT;
            case "<=" -> Op.LE;
            case ">" -> Op.GT;
            case ">=" -> Op.GE;
            default -> null;
        };
        if (op != null) {
            take();
        }
        return op;
    }

    // --- tokens ---------------------------------------------------------------------------------------------

    private enum Kind { NAME, STRING, NUMBER, SYMBOL, END }

    private record Token(Kind kind, String text, int line, int column) {
        boolean is(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        boolean isKeyword(String keyword) {
            return kind == Kind.NAME && text.equalsIgnoreCase(keyword);
        }
    }

    private Token peek() {
        return peek(0);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    private Token take() {
        Token token = peek();
        if (next < tokens.size() - 1) {
            next++;
        }
        return token;
    }

    private Token previous() {
        return tokens.get(Math.max(0, next - 1));
    }

    private boolean keyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            take();
            return true;
        }
        return false;
    }

    private boolean symbol(String symbol) {
        if (peek().is(symbol)) {
            take();
            return true;
        }
        return false;
    }

    private void expect(String symbol, String what) {
        Token token = peek();
        if (!token.is(symbol)) {
            throw expected(what, token);
        }
        take();
    }

    private PqlException expected(String what, Token found) {
        return new PqlException("expected " + what + " but found " + describe(found), found.line, found.column,
                what, describe(found));
    }

    private static String describe(Token token) {
        return switch (token.kind) {
            case END -> "the end of the definition";
            case STRING -> "the string \"" + clip(token.text) + "\"";
            default -> "'" + clip(token.text) + "'";
        };
    }

    private static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private List<Token> tokenize(String source) {
        List<Token> found = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            int column = i - lineStart + 1;
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= source.length() || source.charAt(j) == '\n') {
                        throw new PqlException("a string is not closed", line, column, "a closing " + c,
                                "the end of the line");
                    }
                    char d = source.charAt(j);
                    if (d == c) {
                        break;
                    }
                    if (d == '\\' && j + 1 < source.length()) {
                        j++;
                        d = source.charAt(j);
                    }
                    value.append(d);
                    j++;
                }
                found.add(new Token(Kind.STRING, value.toString(), line, column));
                i = j + 1;
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < source.length()
                    && Character.isDigit(source.charAt(i + 1)) && startsValue(found))) {
                int j = i + 1;
                while (j < source.length() && Character.isDigit(source.charAt(j))) {
                    j++;
                }
                if (j + 1 < source.length() && source.charAt(j) == '.' && Character.isDigit(source.charAt(j + 1))) {
                    j++;
                    while (j < source.length() && Character.isDigit(source.charAt(j))) {
                        j++;
                    }
                }
                found.add(new Token(Kind.NUMBER, source.substring(i, j), line, column));
                i = j;
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int j = i + 1;
                while (j < source.length() && (Character.isLetterOrDigit(source.charAt(j))
                        || source.charAt(j) == '_' || source.charAt(j) == '$')) {
                    j++;
                }
                found.add(new Token(Kind.NAME, source.substring(i, j), line, column));
                i = j;
            } else {
                String two = i + 1 < source.length() ? source.substring(i, i + 2) : "";
                if (Set.of("!=", "<=", ">=", "==").contains(two)) {
                    found.add(new Token(Kind.SYMBOL, two, line, column));
                    i += 2;
                } else if ("=<>()[],.".indexOf(c) >= 0) {
                    found.add(new Token(Kind.SYMBOL, String.valueOf(c), line, column));
                    i++;
                } else {
                    throw new PqlException("unexpected character '" + c + "'", line, column, A_CONDITION,
                            "'" + c + "'");
                }
            }
        }
        found.add(new Token(Kind.END, "", line, source.length() - lineStart + 1));
        return found;
    }

    /** A minus sign starts a number only where a value may begin (so "a-1" is not read as "a", "-1"). */
    private static boolean startsValue(List<Token> before) {
        if (before.isEmpty()) {
            return true;
        }
        Token last = before.get(before.size() - 1);
        return last.kind == Kind.SYMBOL && !last.text.equals(")") && !last.text.equals("]")
                || last.isKeyword("and") || last.isKeyword("or") || last.isKeyword("not") || last.isKeyword("in");
    }

    @Override
    public String toString() {
        return text;
    }
}
