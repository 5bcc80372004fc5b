package ua.social.reporting.reference;

/** A value of a statistical dimension: its code (the event contract's enum name) and a Ukrainian label. */
public interface Labelled {
    String name();

    String label();
}
