package dev.cdpconsole.admin.activation;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The activation history as CSV (RFC 4180; times in UTC). Names and errors come from users and the platform: a cell that a
 * spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading '.
 */
final class HistoryCsv implements AutoCloseable {

    static final List<String> HEADER = List.of("runId", "createdAt", "kind", "status", "destinationId",
            "destination", "segmentId", "segment", "startedBy", "rowsIn", "rowsOut", "rowsFailed", "bytes",
            "startedAt", "completedAt", "durationMs", "fileName", "sha256", "retryOf", "errors");

    private final CSVPrinter printer;

    HistoryCsv(Writer out) throws IOException {
        printer = new CSVPrinter(out, CSVFormat.RFC4180);
        printer.printRecord(HEADER);
    }

    void write(RunView run) throws IOException {
        printer.printRecord(List.of(safe(run.id()), run.created(),
                safe(run.kind()), safe(run.status()), safe(run.destinationId()), safe(run.destinationName()),
                safe(run.segmentId()), safe(run.segmentName()), safe(run.startedBy()), run.rowsIn(), run.rowsOut(),
                run.rowsFailed(), run.bytes(), safe(run.started()), safe(run.completed()),
                durationMillis(run), safe(run.fileName()), safe(run.sha256()), safe(run.retryOf()),
                safe(String.join("; ", run.errors()))));
    }

    private static String durationMillis(RunView run) {
        return run.durationMillis() < 0 ? "" : Long.toString(run.durationMillis());
    }

    /** The value as a cell no spreadsheet runs: {@code =1+1} becomes {@code '=1+1}; null becomes empty. */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
