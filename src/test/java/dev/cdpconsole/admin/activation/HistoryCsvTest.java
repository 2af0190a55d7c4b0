package dev.cdpconsole.admin.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cdpconsole.api.FlowRun;

class HistoryCsvTest {

    static FlowRun run(String id, String status, long createdAt, String segmentName, long rows, String error) {
        return new FlowRun(id, "flow-1", createdAt, createdAt, new FlowRun.Metrics(
                new FlowRun.DurationSummary("2026-12-01T08:00:00Z", "2026-12-01T08:00:02Z"),
                new FlowRun.SizeSummary(2048), new FlowRun.RecordSummary(rows, rows, 0),
                new FlowRun.StatusSummary(status, error == null ? List.of() : List.of(new FlowRun.Error("run-failed",
                        error)))), List.of(), "adhoc", "seg-1", segmentName, "dest-1", "Files", "marta", null,
                "f.csv", "f.csv.manifest.json", "abc", new FlowRun.Progress(rows, rows));
    }

    @Test
    void cellsThatASpreadsheetWouldRunGetAQuote() {
        assertEquals("'=HYPERLINK(\"x\")", HistoryCsv.safe("=HYPERLINK(\"x\")"));
        assertEquals("'+1", HistoryCsv.safe("+1"));
        assertEquals("'-2", HistoryCsv.safe("-2"));
        assertEquals("'@SUM(A1)", HistoryCsv.safe("@SUM(A1)"));
        assertEquals("'\tx", HistoryCsv.safe("\tx"));
        assertEquals("Gold = best", HistoryCsv.safe("Gold = best"), "only a leading sign counts");
        assertEquals("", HistoryCsv.safe(null));
    }

    @Test
    void aRowPerRunAfterTheHeader() throws IOException {
        StringWriter out = new StringWriter();
        try (HistoryCsv cut = new HistoryCsv(out)) {
            cut.write(RunView.of(run("r1", "failed", 1796083200000L, "=cmd|' /C calc'!A0", 3, "disk, full")));
        }
        List<String> lines = out.toString().lines().toList();
        assertEquals(String.join(",", HistoryCsv.HEADER), lines.get(0));
        assertTrue(lines.get(1).startsWith("r1,2026-12-01 00:00:00,adhoc,failed,dest-1,Files,seg-1,"
                + "'=cmd|' /C calc'!A0,marta,3,3,0,2048,"), lines.get(1));
        assertTrue(lines.get(1).endsWith(",2000,f.csv,abc,,\"disk, full\""), lines.get(1));
    }

    @Test
    void theChartCountsEveryDayOfAWeekAtLeast() {
        long day = 86_400_000L;
        List<RunView> runs = List.of(RunView.of(run("a", "success", 1796083200000L + 2 * day, "S", 5, null)),
                RunView.of(run("b", "failed", 1796083200000L + 2 * day + 1000, "S", 0, "x")),
                RunView.of(run("c", "success", 1796083200000L, "S", 7, null)));
        assertEquals("{\"days\":[1795737600,1795824000,1795910400,1795996800,1796083200,1796169600,1796256000],"
                + "\"rows\":[0,0,0,0,7,0,5],\"success\":[0,0,0,0,1,0,1],\"failed\":[0,0,0,0,0,0,1]}",
                RunChart.json(runs), "a week at least, ending on the last day");
        assertEquals("{\"days\":[],\"rows\":[],\"success\":[],\"failed\":[]}", RunChart.json(List.of()));
    }
}
