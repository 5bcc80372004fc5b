package ua.social.contracts.code;

/** Models of case management and the caseload a case manager can carry under each. */
public enum CaseManagementModel implements Labelled {
    INTENSIVE("Модель інтенсивного втручання", "Intensive intervention (assertive community treatment)", 15, true),
    CLINICAL("Клінічна модель", "Clinical", 10, false),
    STRENGTHS_BASED("Модель, зосереджена на сильних сторонах", "Strengths-based", 15, false),
    BROKERAGE("Універсальна брокерська модель", "Universal brokerage (generalist)", 35, false);

    private final String uk;
    private final String en;
    private final int caseloadLimit;
    private final boolean teamBased;

    CaseManagementModel(String uk, String en, int caseloadLimit, boolean teamBased) {
        this.uk = uk;
        this.en = en;
        this.caseloadLimit = caseloadLimit;
        this.teamBased = teamBased;
    }

    @Override
    public String uk() {
        return uk;
    }

    @Override
    public String en() {
        return en;
    }

    /** Active cases one case manager may carry under this model before a supervisor must override. */
    public int caseloadLimit() {
        return caseloadLimit;
    }

    /** Whether services are delivered by a multidisciplinary team under this model. */
    public boolean teamBased() {
        return teamBased;
    }
}
