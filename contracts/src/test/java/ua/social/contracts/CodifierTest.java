package ua.social.contracts;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ua.social.contracts.code.Codifier;
import ua.social.contracts.code.Oblast;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared territory codes: the oblast list and the codifier agree, and an oblast is looked up. */
@Tag("fast")
class CodifierTest {

    @Test
    void theOblastCodesAreExactlyThoseOfTheCodifiersCommunities() {
        Set<String> listed = Arrays.stream(Oblast.values()).map(Oblast::code).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Codifier.oblasts(), listed);
    }

    @Test
    void theOblastOfACommunityIsLookedUpNotTakenFromItsDigits() {
        assertEquals("UA-09", Codifier.oblastOf("UA44020010000067642").orElseThrow());
        assertEquals("Луганська область", Oblast.ukOf(Codifier.oblastOf("UA44020010000067642").orElseThrow()));
        assertTrue(Codifier.isCommunityFormat("UA53080370000043884"));
        assertFalse(Codifier.isCommunity("UA53080370000043884"), "a well-formed invented code is not a community");
    }
}
