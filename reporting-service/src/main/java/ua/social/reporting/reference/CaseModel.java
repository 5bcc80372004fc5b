package ua.social.reporting.reference;

/** Models of case management, with the typical caseload per case manager (domain brief, section 4). */
public enum CaseModel implements Labelled {
    INTENSIVE("Інтенсивного втручання", 15),
    CLINICAL("Клінічна", 10),
    STRENGTHS_BASED("Зосереджена на сильних сторонах", 15),
    BROKERAGE("Універсальна брокерська", 35);

    private final String label;
    private final int typicalCaseload;

    CaseModel(String label, int typicalCaseload) {
        this.label = label;
        this.typicalCaseload = typicalCaseload;
    }

    @Override
    public String label() {
        return label;
    }

    public int typicalCaseload() {
        return typicalCaseload;
    }
}
