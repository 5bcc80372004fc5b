package ua.social.identity.territory;

import jakarta.validation.ConstraintValidatorContext;

/** How the territory constraints report a code {@link ua.social.identity.Territory} refused: its own words. */
final class TerritoryViolation {

    private TerritoryViolation() {
    }

    /** True when there is no problem; otherwise the problem becomes the violation's message (taken literally). */
    static boolean valid(String problem, ConstraintValidatorContext context) {
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$"))
                .addConstraintViolation();
        return false;
    }
}
