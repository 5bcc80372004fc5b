package ua.social.cases.casefile;

/** Criteria for taking a request into case management; at least one must hold unless a supervisor overrides. */
public enum OpeningCriterion {
    /** More than 3 problem requests and long-term work expected. */
    MORE_THAN_THREE_PROBLEMS_LONG_TERM,
    /** Helping needs additional resources beyond the organisation's own. */
    ADDITIONAL_RESOURCES_NEEDED,
    /** The person cannot reach a vital service on their own (treatment, documents, employment...). */
    CANNOT_REACH_VITAL_SERVICE_ALONE
}
