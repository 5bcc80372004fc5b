package ua.social.contracts.name;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The name key of the duplicate check and the name search, without infrastructure: spellings of one
 * name fold alike, different names do not, and a typo stays within the "close name" distance.
 */
@Tag("fast")
class NameFoldingTest {

    @Test
    void aUkrainianNameAndItsCommonLatinSpellingsFoldAlike() {
        String key = NameFolding.fold("Олійник");
        for (String spelling : new String[]{"Oliinyk", "Oliynyk", "Olijnyk", "OLIINYK", "олійник"}) {
            assertEquals(key, NameFolding.fold(spelling), spelling);
        }
        assertEquals(NameFolding.fold("Гнатюк"), NameFolding.fold("Gnatyuk"));
        assertEquals(NameFolding.fold("Гнатюк"), NameFolding.fold("Hnatiuk"));
        assertEquals(NameFolding.fold("Щербак"), NameFolding.fold("Shcherbak"));
        assertEquals(NameFolding.fold("Щербак"), NameFolding.fold("Scherbak"));
        assertEquals(NameFolding.fold("Юлія"), NameFolding.fold("Yuliia"));
        assertEquals(NameFolding.fold("Юлія"), NameFolding.fold("Julija"));
    }

    @Test
    void apostrophesVanishAndHyphensSeparateWords() {
        assertEquals(NameFolding.fold("Дем'янчук"), NameFolding.fold("Демʼянчук"));
        assertEquals(NameFolding.fold("Дем'янчук"), NameFolding.fold("Дем’янчук"));
        assertEquals(NameFolding.fold("Demianchuk"), NameFolding.fold("Дем'янчук"));
        assertEquals("kosac petrenko", NameFolding.fold("Косач-Петренко"));
        assertEquals("kosac petrenko", NameFolding.fold("  Косач   Петренко "));
    }

    @Test
    void accentsAreStrippedAndDoubledLettersCollapse() {
        assertEquals(NameFolding.fold("Hanna"), NameFolding.fold("Hána"));
        assertEquals(NameFolding.fold("Ганна"), NameFolding.fold("Гана"));
    }

    @Test
    void digitsAndMarksAreNotPartOfAName() {
        assertEquals(NameFolding.fold("Іван"), NameFolding.fold("Іван2!"));
        assertEquals("", NameFolding.fold(null));
        assertEquals("", NameFolding.fold("  -- "));
    }

    @Test
    void differentNamesDoNotFoldAlike() {
        assertNotEquals(NameFolding.fold("Олійник"), NameFolding.fold("Олексюк"));
        assertNotEquals(NameFolding.fold("Гнатюк"), NameFolding.fold("Гнатів"));
        assertNotEquals(NameFolding.fold("Ковальчук Іван"), NameFolding.fold("Ковальчук Іванна"));
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, NameFolding.distance("ivan", "ivan"));
        assertEquals(1, NameFolding.distance("ivan", "ivn"));
        assertEquals(1, NameFolding.distance("ivan", "ivana"));
        assertEquals(1, NameFolding.distance("ivan", "ivon"));
        assertEquals(4, NameFolding.distance("", "ivan"));
        assertEquals(3, NameFolding.distance("kitten", "sitting"));
    }
}
