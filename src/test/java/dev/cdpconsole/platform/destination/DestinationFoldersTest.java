package dev.cdpconsole.platform.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.cdpconsole.common.problem.ProblemException;

class DestinationFoldersTest {

    @Test
    void aFolderIsARelativePathOfPlainNames() {
        assertEquals("marketing/flash-sale", DestinationFolders.check(" marketing/flash-sale/ "));
        assertEquals("캠페인/2026 봄", DestinationFolders.check("캠페인/2026 봄"));
        for (String bad : new String[] {"../up", "a/../b", "/etc", "a//b", ".hidden", "a/.b", "c:/x", "a\\b", "a/b.",
            "", " "}) {
            assertThrows(ProblemException.class, () -> DestinationFolders.check(bad), bad);
        }
    }

    @Test
    void aTemplateHasKnownPlaceholdersAndFileNameCharactersOnly() {
        assertEquals("{destination}_{segment}_{datetime}.csv",
                DestinationService.template("{destination}_{segment}_{datetime}.csv"));
        for (String bad : new String[] {"{segment}/{date}.csv", "../x.csv", ".{segment}", "{oops}.csv",
            "{segment} {date}.csv", "a".repeat(201)}) {
            assertThrows(ProblemException.class, () -> DestinationService.template(bad), bad);
        }
    }
}
