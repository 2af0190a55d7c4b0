package dev.cdpconsole.admin.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ImportsServletTest {

    @Test
    void eachRefusalOfAnUploadHasItsOwnMessage() {
        assertEquals("imports.error.notJsonLines", ImportsServlet.uploadRefused("batch-not-json-lines"));
        assertEquals("imports.error.tooLarge", ImportsServlet.uploadRefused("batch-too-large"));
        assertEquals("imports.error.unreadable", ImportsServlet.uploadRefused("batch-unreadable"));
        assertEquals("imports.error.empty", ImportsServlet.uploadRefused("batch-empty"));
        assertEquals("imports.error.empty", ImportsServlet.uploadRefused(null));
    }
}
