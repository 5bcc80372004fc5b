package ua.social.referral.referral;

/** Who changed a referral; the names are {@code changedBy} in docs/events/referral.*.schema.json. */
public enum Side {
    /** The case manager or supervisor of the case. */
    REFERRING_SIDE,
    /** The partner organisation, through its API key. */
    PARTNER,
    /** The platform itself (scheduled checks). */
    SYSTEM
}
