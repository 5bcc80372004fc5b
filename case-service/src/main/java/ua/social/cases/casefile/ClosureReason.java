package ua.social.cases.casefile;

/** Why a case was closed. */
public enum ClosureReason {
    GOALS_ACHIEVED,
    TRANSFERRED_TO_ANOTHER_ORGANISATION,
    TRANSFERRED_TO_ANOTHER_WORKER,
    MOVED_AWAY,
    REFUSED_FURTHER_WORK,
    DIED,
    OTHER
}
