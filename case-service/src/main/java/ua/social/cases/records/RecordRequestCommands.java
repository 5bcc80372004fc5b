package ua.social.cases.records;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What supervisors ask of record requests. The REST layer deserializes and validates these (the constraints name
 * the field of a 400); {@link RecordRequestService} carries them out.
 */
public final class RecordRequestCommands {

    private RecordRequestCommands() {
    }

    /** A supervisor asks for a record the duplicate check reported elsewhere, by the reference it gave. */
    public record RecordRequestCreate(
            @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9_-]+$", message = "must be a reference from the duplicate check")
            String reference,
            @NotBlank @Size(max = 2000) String reason) {
    }

    public enum Decision { ACCEPTED, DECLINED }

    /** The owning supervisor's answer; on acceptance the open cases move too when {@code transferOpenCase} is true. */
    public record RecordRequestDecision(@NotNull Decision decision, Boolean transferOpenCase,
                                        @Size(max = 2000) String note) {
    }
}
