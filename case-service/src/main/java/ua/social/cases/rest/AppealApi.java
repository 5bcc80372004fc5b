package ua.social.cases.rest;

import ua.social.cases.appeal.Appeal;
import ua.social.cases.appeal.Appeal.Channel;
import ua.social.cases.appeal.Appeal.Outcome;
import ua.social.cases.delivery.ServiceDelivery;
import ua.social.contracts.code.ServiceCategory;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Response shapes of appeals and services delivered (the requests are {@code appeal.AppealCommands} and {@code delivery.ServiceRequest}). */
public final class AppealApi {

    private AppealApi() {
    }


    public record AppealView(UUID id, UUID clientId, UUID householdId, String oblast, String hromada,
                             OffsetDateTime receivedAt, Channel channel, String location, List<String> needDomains,
                             String description, Outcome outcome, UUID caseId, String recordedBy, long version) {
        public static AppealView of(Appeal a) {
            return new AppealView(a.id, a.clientId, a.householdId, a.oblast, a.hromada, a.receivedAt, a.channel,
                    a.location, a.needDomains, a.description, a.outcome, a.caseId, a.recordedBy, a.version);
        }
    }


    public record ServiceView(UUID id, UUID caseId, UUID appealId, ServiceCategory category, LocalDate deliveredOn,
                              String provider, String description, String recordedBy, OffsetDateTime recordedAt) {
        public static ServiceView of(ServiceDelivery s) {
            return new ServiceView(s.id, s.caseId, s.appealId, s.category, s.deliveredOn, s.provider, s.description,
                    s.recordedBy, s.recordedAt);
        }
    }

}
