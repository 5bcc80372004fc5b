package ua.social.referral.referral;

/** How soon the client needs the partner; sets the partner's response deadline (referral.response-deadlines). */
public enum Urgency {
    ROUTINE, URGENT, EMERGENCY
}
