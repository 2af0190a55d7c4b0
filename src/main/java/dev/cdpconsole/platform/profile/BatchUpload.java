package dev.cdpconsole.platform.profile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

import dev.cdpconsole.common.problem.ProblemException;

/**
 * A batch's upload read as it streams in, a part at a time, so that a large upload is never in memory whole:
 * each part holds up to {@code linesPerPart} lines that are not blank, with the blank lines among them (so that
 * line numbers hold), lines being what lies between two {@code \n}. Refuses, as the parts are taken, an upload
 * over {@code maxBytes}, one whose first line is not a JSON object and, at its end, one with no line at all.
 */
final class BatchUpload implements Iterator<BatchPartEntity> {

    private final String batchId;
    private final int linesPerPart;
    private final Reader in;
    private final char[] buffer = new char[65_536];
    private int position;
    private int limit;
    private boolean ended;
    /** The number of the next line to read, from 1. */
    private int lineNumber = 1;
    private int total;
    private int parts;
    private BatchPartEntity next;

    BatchUpload(String batchId, InputStream upload, long maxBytes, int linesPerPart) {
        this.batchId = batchId;
        this.linesPerPart = linesPerPart;
        this.in = new InputStreamReader(new Limited(upload, maxBytes), StandardCharsets.UTF_8);
    }

    /** The lines that are not blank, of the parts taken so far. */
    int total() {
        return total;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !ended) {
            next = readPart();
        }
        return next != null;
    }

    @Override
    public BatchPartEntity next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        BatchPartEntity part = next;
        next = null;
        return part;
    }

    /** The next part, or null at the end; a part ends at its last line that is not blank, or at the upload's end. */
    private BatchPartEntity readPart() {
        StringBuilder text = new StringBuilder();
        int first = lineNumber;
        int count = 0;
        while (count < linesPerPart && !ended) {
            if (lineNumber > first) {
                text.append('\n');
            }
            int from = text.length();
            readLine(text);
            int start = firstNonBlank(text, from);
            if (start >= 0) {
                if (total == 0 && count == 0 && text.charAt(start) != '{') {
                    throw ProblemException.badRequest("batch-not-json-lines",
                            "the upload is not JSON Lines: one JSON object per line");
                }
                count++;
            }
        }
        if (count == 0) {
            if (total == 0) {
                throw ProblemException.badRequest("batch-empty", "the upload is empty");
            }
            return null;
        }
        total += count;
        return new BatchPartEntity(batchId, parts++, first, count, text.toString());
    }

    /**
     * Appends the next line, without its {@code \n}, to {@code text}; the text after the last {@code \n} is a line
     * too, and reading it ends the upload.
     */
    private void readLine(StringBuilder text) {
        while (true) {
            if (position == limit && !fill()) {
                ended = true;
                lineNumber++;
                return;
            }
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    text.append(buffer, position, i - position);
                    position = i + 1;
                    lineNumber++;
                    return;
                }
            }
            text.append(buffer, position, limit - position);
            position = limit;
        }
    }

    /** Where the first character that is not white space lies from {@code from} on, or -1 (a blank line). */
    private static int firstNonBlank(CharSequence text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private boolean fill() {
        try {
            int read = in.read(buffer);
            if (read <= 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        } catch (IOException e) {
            throw ProblemException.badRequest("batch-unreadable", "the upload could not be read to its end");
        }
    }

    /** The upload's bytes, refused once there are more than the limit. */
    private static final class Limited extends FilterInputStream {
        private final long max;
        private long count;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int read = super.read(bytes, offset, length);
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        private void counted(int bytes) {
            count += bytes;
            if (count > max) {
                throw ProblemException.badRequest("batch-too-large", "a batch may have at most " + max + " bytes");
            }
        }
    }
}
