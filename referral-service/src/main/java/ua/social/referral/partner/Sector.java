package ua.social.referral.partner;

/**
 * The sector a partner organisation works in. The names are part of the event contract
 * (partnerSector in docs/events/referral.*.schema.json): reporting groups referrals by them.
 */
public enum Sector {
    /** Health facilities: clinics, hospitals, family doctors. */
    HEALTH,
    /** The State Employment Service, employers, vocational training. */
    EMPLOYMENT,
    /** Schools, kindergartens, education bodies. */
    EDUCATION,
    /** Free legal aid centres, legal clinics. */
    LEGAL_AID,
    /** Housing, temporary shelters, hostels. */
    HOUSING,
    /** Territorial centres of social services, social protection bodies. */
    SOCIAL_PROTECTION,
    /** Children's services (служба у справах дітей). */
    CHILDREN_SERVICE,
    /** Psychologists, mental-health services. */
    PSYCHOLOGICAL_SUPPORT,
    /** Humanitarian NGOs and charities. */
    HUMANITARIAN,
    OTHER
}
