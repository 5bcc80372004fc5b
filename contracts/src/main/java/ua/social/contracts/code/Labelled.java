package ua.social.contracts.code;

/**
 * A shared code with its Ukrainian and English labels. The code ({@link #name()}) is what travels in
 * events and APIs; the labels are what people read.
 */
public interface Labelled {
    String name();

    String uk();

    String en();
}
