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

/** An ISO 3166-2:UA oblast code that {@link Territory} knows; null is valid (use @NotNull for required). */
@Documented
@Constraint(validatedBy = KnownOblast.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownOblast {

    String message() default "must be the ISO 3166-2:UA code of an oblast, such as " + Territory.EXAMPLE_OBLAST;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownOblast, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return TerritoryViolation.valid(Territory.oblastProblem(value), context);
        }
    }
}
