package ua.social.contracts.event;

import ua.social.contracts.code.Codifier;

/** The checks the event records make on construction: what the schemas require of every producer. */
final class Checks {

    private Checks() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new ContractViolation(field + " is missing");
        }
        return value;
    }

    /** A text of at most {@code max} characters; null allowed. */
    static String text(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw new ContractViolation(field + " is longer than " + max + " characters");
        }
        return value;
    }

    static String oblast(String value, String field) {
        if (!Codifier.isOblastFormat(present(value, field))) {
            throw new ContractViolation(field + " is not an oblast code (UA-nn)");
        }
        return value;
    }

    static String community(String value, String field) {
        if (!Codifier.isCommunityFormat(present(value, field))) {
            throw new ContractViolation(field + " is not a KATOTTG community code (UA and 17 digits)");
        }
        return value;
    }

    static String oneOf(String value, String field, String... allowed) {
        present(value, field);
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new ContractViolation(field + " has an unknown value '" + value + "'");
    }
}
