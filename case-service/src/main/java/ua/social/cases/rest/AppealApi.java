package ua.social.cases.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import ua.social.cases.appeal.Appeal;
import ua.social.cases.appeal.Appeal.Channel;
import ua.social.cases.appeal.Appeal.Outcome;
import ua.social.cases.casefile.ServiceDelivery;
import ua.social.contracts.code.NeedDomain;
import ua.social.contracts.code.ServiceCategory;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Request and response shapes of appeals and services delivered. */
public final class AppealApi {

    private AppealApi() {
    }

    public record AppealRequest(@NotNull UUID clientId, UUID householdId,
                                @PastOrPresent OffsetDateTime receivedAt,
                                @NotNull Channel channel,
                                @Size(max = 300) String location,
                                @NotEmpty @Size(max = 13) List<@NotNull NeedDomain> needDomains,
                                @Size(max = 4000) String description) {
    }

    public record AppealView(UUID id, UUID clientId, UUID householdId, String oblast, String hromada,
                             OffsetDateTime receivedAt, Channel channel, String location, List<String> needDomains,
                             String description, Outcome outcome, UUID caseId, String recordedBy, long version) {
        public static AppealView of(Appeal a) {
            return new AppealView(a.id, a.clientId, a.householdId, a.oblast, a.hromada, a.receivedAt, a.channel,
                    a.location, a.needDomains, a.description, a.outcome, a.caseId, a.recordedBy, a.version);
        }
    }

    public record ServiceRequest(@NotNull ServiceCategory category, @NotNull @PastOrPresent LocalDate deliveredOn,
                                 @NotBlank @Size(max = 300) String provider, @Size(max = 2000) String description) {
    }

    public record ServiceView(UUID id, UUID caseId, UUID appealId, ServiceCategory category, LocalDate deliveredOn,
                              String provider, String description, String recordedBy, OffsetDateTime recordedAt) {
        public static ServiceView of(ServiceDelivery s) {
            return new ServiceView(s.id, s.caseId, s.appealId, s.category, s.deliveredOn, s.provider, s.description,
                    s.recordedBy, s.recordedAt);
        }
    }

    /** Ends an appeal without a case: information given or one-off services delivered. */
    public record ResolutionRequest(@NotNull Outcome outcome, @Size(max = 20) List<@Valid @NotNull ServiceRequest> services) {
    }
}
