package ua.social.reporting.reference;

/** Categories of services delivered (the UNDP project's reporting categories). */
public enum ServiceCategory implements Labelled {
    INFORMATION("Інформаційні"),
    MATERIAL_ECONOMIC("Матеріальні, економічні"),
    PSYCHOLOGICAL("Психологічні"),
    EDUCATIONAL("Освітні"),
    HOUSING("Житлові"),
    MEDICAL("Медичні"),
    LEGAL("Юридичні (зокрема документи)"),
    PROTECTION_AND_SAFETY("Захист і безпека"),
    EMPLOYMENT("Працевлаштування");

    private final String label;

    ServiceCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
