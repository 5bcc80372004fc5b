package ua.social.contracts.code;

/** Categories of services delivered, as the ministry reports them ({@code category}, {@code serviceCategory} of the events). */
public enum ServiceCategory implements Labelled {
    INFORMATION("Інформаційні", "Information"),
    MATERIAL_ECONOMIC("Матеріальні, економічні", "Material and economic"),
    PSYCHOLOGICAL("Психологічні", "Psychological"),
    EDUCATIONAL("Освітні", "Educational"),
    HOUSING("Житлові", "Housing"),
    MEDICAL("Медичні", "Medical"),
    LEGAL("Юридичні (зокрема відновлення документів)", "Legal (incl. restoring documents)"),
    PROTECTION_AND_SAFETY("Захист і безпека", "Protection and safety"),
    EMPLOYMENT("Працевлаштування", "Employment");

    private final String uk;
    private final String en;

    ServiceCategory(String uk, String en) {
        this.uk = uk;
        this.en = en;
    }

    @Override
    public String uk() {
        return uk;
    }

    @Override
    public String en() {
        return en;
    }
}
