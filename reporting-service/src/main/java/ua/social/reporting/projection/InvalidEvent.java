package ua.social.reporting.projection;

/** An event whose data breaks its schema in docs/events/: it can never be applied, so it is logged and skipped. */
public class InvalidEvent extends RuntimeException {
    public InvalidEvent(String message) {
        super(message);
    }
}
