package ua.social.cases.client;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Ten digits whose last is the RNOKPP check digit; null is allowed (the number is optional). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidRnokpp.Validator.class)
public @interface ValidRnokpp {
    String message() default "must be a valid RNOKPP: 10 digits with a correct check digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidRnokpp, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Rnokpp.isValid(value);
        }
    }
}
