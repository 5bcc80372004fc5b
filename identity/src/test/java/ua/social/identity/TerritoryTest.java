package ua.social.identity;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ua.social.identity.problem.ProblemException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The territory rule: the codifier decides which communities exist and where they lie, not the digits. */
@Tag("fast")
class TerritoryTest {

    @Test
    void theOblastOfACommunityIsLookedUpNotDerivedFromItsDigits() {
        assertEquals("UA-09", Territory.oblastOf("UA44020010000067642").orElseThrow(), "Luhansk: KATOTTG 44, ISO 09");
        assertEquals("UA-77", Territory.oblastOf("UA73020010000044067").orElseThrow(), "Chernivtsi: KATOTTG 73, ISO 77");
        assertEquals("UA-30", Territory.oblastOf("UA80000000000093317").orElseThrow(), "Kyiv");
        assertEquals("UA-53", Territory.oblastOf("UA53080370000025447").orElseThrow(), "Poltava");
        assertTrue(Territory.communitiesOf("UA-43").stream().allMatch(c -> c.code().startsWith("UA01")), "Crimea");
        assertTrue(Territory.communitiesOf("UA-40").stream().allMatch(c -> c.code().startsWith("UA85")), "Sevastopol");
    }

    @Test
    void theCodifierHoldsEveryOblastAndOnlyRealCommunities() {
        assertEquals(27, Territory.oblasts().size());
        assertFalse(Territory.isOblast("UA-44"));
        assertFalse(Territory.isCommunity("UA53999999999999999"));
        assertTrue(Territory.communities().size() > 1700);
    }

    @Test
    void inputsAreCheckedNamingTheField() {
        Territory.requireInOblast("UA-09", "oblast", "UA44020010000067642", "hromada");
        assertEquals("oblast", assertThrows(ProblemException.class,
                () -> Territory.requireInOblast("UA-44", "oblast", "UA44020010000067642", "hromada")).problem()
                .errors.get(0).field(), "UA-44 is no ISO oblast code");
        ProblemException mismatch = assertThrows(ProblemException.class,
                () -> Territory.requireInOblast("UA-05", "oblast", "UA44020010000067642", "hromada"));
        assertEquals(400, mismatch.problem().status);
        assertEquals("hromada", mismatch.problem().errors.get(0).field());
        ProblemException unknown = assertThrows(ProblemException.class,
                () -> Territory.requireCommunity("UA53999999999999999", "toHromada"));
        assertEquals("toHromada", unknown.problem().errors.get(0).field());
        assertEquals("oblast", assertThrows(ProblemException.class,
                () -> Territory.requireOblast("UA-99", "oblast")).problem().errors.get(0).field());
        assertEquals("UA-09", Territory.requireOblast(" ua-09 ", "oblast"));
    }
}
