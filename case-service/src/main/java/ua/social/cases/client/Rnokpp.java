package ua.social.cases.client;

/**
 * РНОКПП (taxpayer registration number, formerly ІПН): ten digits, the last a check digit:
 * the first nine weighted by (-1, 5, 7, 9, 4, 6, 10, 5, 7), summed, taken mod 11 and then mod 10.
 */
public final class Rnokpp {

    private static final int[] WEIGHTS = {-1, 5, 7, 9, 4, 6, 10, 5, 7};

    private Rnokpp() {
    }

    public static boolean isValid(String value) {
        if (value == null || !value.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = Math.floorMod(sum, 11) % 10;
        return check == value.charAt(9) - '0';
    }

    /** Completes nine digits with their check digit (used by tests and demo data). */
    public static String withCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        return nineDigits + (Math.floorMod(sum, 11) % 10);
    }
}
