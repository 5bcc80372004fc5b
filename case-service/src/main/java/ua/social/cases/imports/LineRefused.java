package ua.social.cases.imports;

import ua.social.identity.problem.Problem.FieldError;

import java.util.List;

/** A line breaks a rule: what to report (field and message each), and nothing of it is stored. */
final class LineRefused extends RuntimeException {

    final transient List<FieldError> errors;

    LineRefused(List<FieldError> errors) {
        super(errors.toString(), null, false, false);
        this.errors = errors;
    }

    static LineRefused of(String field, String message) {
        return new LineRefused(List.of(new FieldError(field, message)));
    }
}
