package ua.social.contracts.code;

/**
 * The sector a partner organisation works in ({@code partnerSector} of the referral events):
 * reporting groups referrals by it.
 */
public enum PartnerSector implements Labelled {
    /** Health facilities: clinics, hospitals, family doctors. */
    HEALTH("Охорона здоров'я", "Health"),
    /** The State Employment Service, employers, vocational training. */
    EMPLOYMENT("Зайнятість", "Employment"),
    /** Schools, kindergartens, education bodies. */
    EDUCATION("Освіта", "Education"),
    /** Free legal aid centres, legal clinics. */
    LEGAL_AID("Правова допомога", "Legal aid"),
    /** Housing, temporary shelters, hostels. */
    HOUSING("Житло", "Housing"),
    /** Territorial centres of social services, social protection bodies. */
    SOCIAL_PROTECTION("Соціальний захист", "Social protection"),
    /** Children's services (служба у справах дітей). */
    CHILDREN_SERVICE("Служба у справах дітей", "Children's service"),
    /** Psychologists, mental-health services. */
    PSYCHOLOGICAL_SUPPORT("Психологічна підтримка", "Psychological support"),
    /** Humanitarian NGOs and charities. */
    HUMANITARIAN("Гуманітарні організації", "Humanitarian organisations"),
    OTHER("Інші", "Other");

    private final String uk;
    private final String en;

    PartnerSector(String uk, String en) {
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
