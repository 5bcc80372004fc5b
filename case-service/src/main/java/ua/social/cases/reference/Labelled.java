package ua.social.cases.reference;

/** A reference value with its Ukrainian and English labels, as front-office clients show it. */
public interface Labelled {
    String name();

    String uk();

    String en();
}
