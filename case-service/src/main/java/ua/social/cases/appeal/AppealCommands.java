package ua.social.cases.appeal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import ua.social.cases.appeal.Appeal.Channel;
import ua.social.cases.appeal.Appeal.Outcome;
import ua.social.cases.delivery.ServiceRequest;
import ua.social.contracts.code.NeedDomain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What the front office asks of an appeal. The REST layer deserializes and validates these (the constraints
 * name the field of a 400); {@link AppealService} carries them out.
 */
public final class AppealCommands {

    private AppealCommands() {
    }

    public record AppealRequest(@NotNull UUID clientId, UUID householdId,
                                @PastOrPresent OffsetDateTime receivedAt,
                                @NotNull Channel channel,
                                @Size(max = 300) String location,
                                @NotEmpty @Size(max = 13) List<@NotNull NeedDomain> needDomains,
                                @Size(max = 4000) String description) {
    }

    /** Ends an appeal without a case: information given or one-off services delivered. */
    public record ResolutionRequest(@NotNull Outcome outcome, @Size(max = 20) List<@Valid @NotNull ServiceRequest> services) {
    }
}
