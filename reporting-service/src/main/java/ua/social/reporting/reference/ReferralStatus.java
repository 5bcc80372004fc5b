package ua.social.reporting.reference;

/**
 * Where a referral stands. Drafts never sent to a partner are not counted, so {@code DRAFT} is not a
 * column of the statistics.
 */
public enum ReferralStatus implements Labelled {
    REQUESTED("Очікує відповіді"),
    ACCEPTED("Прийнято"),
    IN_PROGRESS("У роботі"),
    ON_HOLD("Призупинено"),
    COMPLETED("Виконано"),
    REJECTED("Відхилено"),
    FAILED("Не вдалося виконати"),
    CANCELLED("Скасовано");

    private final String label;

    ReferralStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
