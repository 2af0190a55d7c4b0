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
    /** COPY's rows so far, as CSV in UTF-8 (null when the rows go as INSERTs). */
    private byte[] copy;
    private int size;
    private final PreparedStatement insert;
    private int count;

    private TableRows(Connection db, String table, List<String> columns) throws SQLException {
        this.db = db;
        this.table = table;
        this.columns = String.join(", ", columns);
        this.width = columns.size();
        if (db.isWrapperFor(PGConnection.class)) {
            copy = new byte[8_192];
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
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                put((byte) ',');
            }
            csv(values[i]);
        }
        put((byte) '\n');
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
            db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns
                    + ") FROM STDIN (FORMAT csv)", new ByteArrayInputStream(copy, 0, size));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            size = 0;
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
     * A value as CSV: null as nothing (COPY's NULL), a string always quoted (so an empty one stays empty), a
     * number plain.
     */
    private void csv(Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal decimal) {
            ascii(decimal.toPlainString());
        } else if (value instanceof Number || value instanceof Boolean) {
            ascii(value.toString());
        } else {
            byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
            put((byte) '"');
            // Whole runs between quotes, each quote doubled: most values have none and go in one copy. No byte of a
            // character of several bytes is a quote, so the quotes found are the text's own.
            int from = 0;
            for (int i = 0; i < text.length; i++) {
                if (text[i] == '"') {
                    put(text, from, i + 1);
                    put((byte) '"');
                    from = i + 1;
                }
            }
            put(text, from, text.length);
            put((byte) '"');
        }
    }

    /** Text of ASCII characters only (numbers as Java writes them). */
    private void ascii(String text) {
        room(text.length());
        for (int i = 0; i < text.length(); i++) {
            copy[size++] = (byte) text.charAt(i);
        }
    }

    private void put(byte b) {
        room(1);
        copy[size++] = b;
    }

    private void put(byte[] bytes, int from, int to) {
        room(to - from);
        System.arraycopy(bytes, from, copy, size, to - from);
        size += to - from;
    }

    private void room(int more) {
        if (size + more > copy.length) {
            copy = Arrays.copyOf(copy, Math.max(copy.length * 2, size + more));
        }
    }
}
