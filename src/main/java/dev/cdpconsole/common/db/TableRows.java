package dev.cdpconsole.common.db;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * New rows of one table, sent together by {@link #write()}: with COPY on PostgreSQL, where it is much faster than
 * batched INSERTs for thousands of rows, and as a JDBC batch of INSERTs elsewhere. A value is a string, a number,
 * a {@link java.time.OffsetDateTime} (written in ISO 8601) or null. Use it in a transaction: a failed write leaves
 * the rows of that write half sent. COPY's rows are put together as UTF-8 bytes, the form they are sent in: built
 * as text, a row holding one Korean name would have made the whole chunk two bytes a character, then be encoded.
 */
public final class TableRows implements AutoCloseable {

    private final Connection db;
    private final String table;
    private final String columns;
    private final int width;
    /** COPY's rows so far (null when the rows go as INSERTs). */
    private final CopyText copy;
    private final PreparedStatement insert;
    private int count;

    private TableRows(Connection db, String table, List<String> columns) throws SQLException {
        this.db = db;
        this.table = table;
        this.columns = String.join(", ", columns);
        this.width = columns.size();
        if (db.isWrapperFor(PGConnection.class)) {
            copy = new CopyText();
            insert = null;
        } else {
            copy = null;
            insert = db.prepareStatement("INSERT INTO " + table + " (" + this.columns + ") VALUES ("
                    + String.join(", ", Collections.nCopies(width, "?")) + ")");
        }
    }

    /** Rows for the table's columns, in the order {@link #add} gives their values. */
    public static TableRows into(Connection db, String table, String... columns) throws SQLException {
        return new TableRows(db, table, List.of(columns));
    }

    /** One row: a value for every column, in order. */
    public TableRows add(Object... values) throws SQLException {
        if (values.length != width) {
            throw new IllegalArgumentException(table + " takes " + width + " values, not " + values.length);
        }
        count++;
        if (insert != null) {
            bind(insert, 1, values);
            insert.addBatch();
            return this;
        }
        copy.add(values);
        return this;
    }

    /** Sends the rows added since the last write; answers how many. */
    public int write() throws SQLException {
        int written = count;
        count = 0;
        if (written == 0) {
            return 0;
        }
        if (insert != null) {
            insert.executeBatch();
            return written;
        }
        try {
            db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN",
                    new ByteArrayInputStream(copy.bytes, 0, copy.size));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            copy.size = 0;
        }
        return written;
    }

    @Override
    public void close() throws SQLException {
        if (insert != null) {
            insert.close();
        }
    }

    /** Binds the values to the statement's parameters from {@code from} on; answers the next parameter's index. */
    public static int bind(PreparedStatement statement, int from, Object... values) throws SQLException {
        int i = from;
        for (Object value : values) {
            if (value == null) {
                statement.setNull(i++, Types.NULL);
            } else {
                statement.setObject(i++, value);
            }
        }
        return i;
    }

    /**
     * Rows in COPY's text format, as UTF-8: values apart by tabs, a row a line, null as {@code \N}, a number plain,
     * text as its bytes with backslash, newline, carriage return and tab written as a backslash and a letter.
     * Nothing else is special, so a JSON record, quotes and all, goes in one copy (CSV doubled each of its quotes).
     * No byte of a character of several bytes is one of the four.
     */
    static final class CopyText {

        byte[] bytes = new byte[8_192];
        int size;

        void add(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    put((byte) '\t');
                }
                value(values[i]);
            }
            put((byte) '\n');
        }

        private void value(Object value) {
            if (value == null) {
                put((byte) '\\');
                put((byte) 'N');
            } else if (value instanceof BigDecimal decimal) {
                ascii(decimal.toPlainString());
            } else if (value instanceof Number || value instanceof Boolean) {
                ascii(value.toString());
            } else {
                byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
                int from = 0;
                for (int i = 0; i < text.length; i++) {
                    byte b = text[i];
                    if (b == '\\' || b == '\n' || b == '\r' || b == '\t') {
                        put(text, from, i);
                        put((byte) '\\');
                        put((byte) (b == '\n' ? 'n' : b == '\r' ? 'r' : b == '\t' ? 't' : '\\'));
                        from = i + 1;
                    }
                }
                put(text, from, text.length);
            }
        }

        /** Text of ASCII characters only (numbers as Java writes them). */
        private void ascii(String text) {
            room(text.length());
            for (int i = 0; i < text.length(); i++) {
                bytes[size++] = (byte) text.charAt(i);
            }
        }

        private void put(byte b) {
            room(1);
            bytes[size++] = b;
        }

        private void put(byte[] from, int start, int end) {
            room(end - start);
            System.arraycopy(from, start, bytes, size, end - start);
            size += end - start;
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
