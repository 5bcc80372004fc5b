package ua.social.reporting.reference;

/** Sectors of the partner organisations referrals go to. */
public enum PartnerSector implements Labelled {
    HEALTH("Охорона здоров'я"),
    EMPLOYMENT("Зайнятість"),
    EDUCATION("Освіта"),
    LEGAL_AID("Правова допомога"),
    HOUSING("Житло"),
    SOCIAL_PROTECTION("Соціальний захист"),
    CHILDREN_SERVICE("Служба у справах дітей"),
    PSYCHOLOGICAL_SUPPORT("Психологічна підтримка"),
    HUMANITARIAN("Гуманітарні організації"),
    OTHER("Інші");

    private final String label;

    PartnerSector(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
