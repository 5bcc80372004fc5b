package ua.social.referral.partner;

/** Days of the week as RFC 5545 (and HSDS schedule {@code byday}) write them. */
public enum Weekday {
    MO, TU, WE, TH, FR, SA, SU
}
