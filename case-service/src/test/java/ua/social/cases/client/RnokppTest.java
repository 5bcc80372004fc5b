package ua.social.cases.client;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The РНОКПП check digit, without infrastructure: which ten-digit numbers a client record accepts. */
@Tag("fast")
class RnokppTest {

    @Test
    void aNumberWhoseLastDigitIsTheWeightedSumMod11Mod10IsValid() {
        // 1·(-1) + 2·5 + 3·7 + 4·9 + 5·4 + 6·6 + 7·10 + 8·5 + 9·7 = 295; 295 mod 11 = 9
        assertTrue(Rnokpp.isValid("1234567899"));
        // 0·(-1) + 0·5 + ... + 0·5 + 1·7 = 7
        assertTrue(Rnokpp.isValid("0000000017"));
    }

    @Test
    void aNegativeWeightedSumIsTakenModulo11FromBelow() {
        // only the first digit counts: 9·(-1) = -9, floorMod 11 = 2
        assertTrue(Rnokpp.isValid("9000000002"));
        assertFalse(Rnokpp.isValid("9000000009"), "-9 % 11 would be -9; the check digit is 2, not 9");
    }

    @Test
    void aRemainderOfTenGivesCheckDigitZero() {
        // 2·5 = 10: 10 mod 11 = 10, then mod 10 = 0
        assertTrue(Rnokpp.isValid("0200000000"));
        assertFalse(Rnokpp.isValid("0200000001"));
    }

    @Test
    void aWrongCheckDigitIsRefused() {
        for (char last = '0'; last <= '9'; last++) {
            String candidate = "123456789" + last;
            assertEquals(last == '9', Rnokpp.isValid(candidate), candidate);
        }
    }

    @Test
    void onlyExactlyTenDigitsAreANumber() {
        assertFalse(Rnokpp.isValid(null));
        assertFalse(Rnokpp.isValid(""));
        assertFalse(Rnokpp.isValid("123456789"), "nine digits");
        assertFalse(Rnokpp.isValid("12345678990"), "eleven digits");
        assertFalse(Rnokpp.isValid("12345 6789"), "a space inside");
        assertFalse(Rnokpp.isValid("123456789٩"), "an Arabic-Indic nine is not an ASCII digit");
        assertFalse(Rnokpp.isValid(" 1234567899"), "surrounding spaces are not trimmed here");
    }

    @Test
    void completingNineDigitsGivesAValidNumber() {
        assertEquals("1234567899", Rnokpp.withCheckDigit("123456789"));
        for (String nine : new String[]{"000000000", "999999999", "314159265", "271828182", "020000000"}) {
            assertTrue(Rnokpp.isValid(Rnokpp.withCheckDigit(nine)), nine);
        }
    }
}
