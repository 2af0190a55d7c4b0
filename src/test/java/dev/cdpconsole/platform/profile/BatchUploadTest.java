package dev.cdpconsole.platform.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cdpconsole.common.problem.ProblemException;

class BatchUploadTest {

    private static BatchUpload upload(String text, long maxBytes, int linesPerPart) {
        return new BatchUpload("batch-1", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxBytes,
                linesPerPart);
    }

    private static List<BatchPartEntity> parts(BatchUpload upload) {
        List<BatchPartEntity> parts = new ArrayList<>();
        upload.forEachRemaining(parts::add);
        return parts;
    }

    private static String code(ProblemException e) {
        return e.problem().type().substring(e.problem().type().lastIndexOf('/') + 1);
    }

    @Test
    void partsHoldTheirLinesWithTheBlankOnesBetweenAndKeepLineNumbers() {
        BatchUpload upload = upload("{\"a\":1}\n\n{\"b\":2}\n{\"c\":3}\n  \n{\"d\":4}\n\n", 1_000, 2);
        List<BatchPartEntity> parts = parts(upload);
        assertEquals(2, parts.size());
        assertEquals(0, parts.get(0).part);
        assertEquals(1, parts.get(0).firstLine);
        assertEquals(2, parts.get(0).lineCount);
        assertEquals("{\"a\":1}\n\n{\"b\":2}", parts.get(0).lines);
        assertEquals(1, parts.get(1).part);
        assertEquals(4, parts.get(1).firstLine);
        assertEquals(2, parts.get(1).lineCount);
        assertEquals("{\"c\":3}\n  \n{\"d\":4}", parts.get(1).lines);
        assertEquals(4, upload.total());
    }

    @Test
    void blankLinesAtTheEndStayWithALastPartThatIsNotFull() {
        List<BatchPartEntity> parts = parts(upload("{\"a\":1}\n\n", 1_000, 2));
        assertEquals(1, parts.size());
        assertEquals("{\"a\":1}\n\n", parts.get(0).lines);
    }

    @Test
    void blankLinesAfterAFullLastPartMakeNoPart() {
        List<BatchPartEntity> parts = parts(upload("{\"a\":1}\n{\"b\":2}\n\n\n", 1_000, 2));
        assertEquals(1, parts.size());
        assertEquals("{\"a\":1}\n{\"b\":2}", parts.get(0).lines);
    }

    @Test
    void aLineLongerThanTheBufferAndWindowsLineEndsComeThroughWhole() {
        String longLine = "{\"x\":\"" + "y".repeat(200_000) + "\"}";
        List<BatchPartEntity> parts = parts(upload(longLine + "\r\n{\"z\":\"한국어 简体中文\"}", 1_000_000, 1000));
        assertEquals(1, parts.size());
        assertEquals(longLine + "\r\n{\"z\":\"한국어 简体中文\"}", parts.get(0).lines);
        assertEquals(2, parts.get(0).lineCount);
    }

    @Test
    void refusesAnEmptyUploadAndOneOfBlankLines() {
        assertEquals("batch-empty", code(assertThrows(ProblemException.class, () -> parts(upload("", 100, 10)))));
        assertEquals("batch-empty", code(assertThrows(ProblemException.class, () -> parts(upload(" \n\n \n", 100, 10)))));
    }

    @Test
    void refusesAnUploadThatIsNotJsonLines() {
        ProblemException e = assertThrows(ProblemException.class, () -> parts(upload("\nname,email\n{}", 100, 10)));
        assertEquals("batch-not-json-lines", code(e));
        assertEquals(400, e.problem().status());
    }

    @Test
    void refusesAnUploadOverTheLimitInBytesNotCharacters() {
        String line = "{\"n\":\"" + "가".repeat(40) + "\"}\n"; // 40 characters of 3 bytes each
        assertEquals(1, parts(upload(line, 200, 10)).size());
        ProblemException e = assertThrows(ProblemException.class, () -> parts(upload(line, 100, 10)));
        assertEquals("batch-too-large", code(e));
        assertTrue(e.problem().detail().contains("100 bytes"));
    }
}
