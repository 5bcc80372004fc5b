package ua.social.referral.partner;

/**
 * The ministry's nine categories of services (the same codes as case-service's reference data and
 * serviceCategory in docs/events/referral.*.schema.json).
 */
public enum ServiceCategory {
    INFORMATION,
    MATERIAL_ECONOMIC,
    PSYCHOLOGICAL,
    EDUCATIONAL,
    HOUSING,
    MEDICAL,
    LEGAL,
    PROTECTION_AND_SAFETY,
    EMPLOYMENT
}
