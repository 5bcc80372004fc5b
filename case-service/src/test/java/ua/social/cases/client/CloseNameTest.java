package ua.social.cases.client;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ua.social.contracts.name.NameFolding;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The likely-duplicate check's "close name": folded names within {@link ClientService#CLOSE_NAME_DISTANCE} edits. */
@Tag("fast")
class CloseNameTest {

    @Test
    void aTypoOrADroppedLetterIsACloseNameAndAnotherNameIsNot() {
        String key = NameFolding.fold("Ковальчук") + " " + NameFolding.fold("Ганна");
        String typo = NameFolding.fold("Ковальчок") + " " + NameFolding.fold("Ганна");
        String dropped = NameFolding.fold("Ковальук") + " " + NameFolding.fold("Ганна");
        String other = NameFolding.fold("Коваленко") + " " + NameFolding.fold("Ганна");
        assertTrue(NameFolding.distance(key, typo) <= ClientService.CLOSE_NAME_DISTANCE, typo);
        assertTrue(NameFolding.distance(key, dropped) <= ClientService.CLOSE_NAME_DISTANCE, dropped);
        assertTrue(NameFolding.distance(key, other) > ClientService.CLOSE_NAME_DISTANCE, other);
    }
}
