package ua.social.identity.territory;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import ua.social.identity.Territory;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A KATOTTG community (hromada) code that {@link Territory} knows; null is valid (use @NotNull for required). */
@Documented
@Constraint(validatedBy = KnownCommunity.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownCommunity {

    String message() default "must be a KATOTTG community code such as " + Territory.EXAMPLE_COMMUNITY;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownCommunity, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return TerritoryViolation.valid(Territory.communityProblem(value), context);
        }
    }
}
