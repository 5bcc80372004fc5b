package ua.social.reporting.reference;

/** Why a case was closed (case.closed {@code reason}). */
public enum ClosureReason implements Labelled {
    GOALS_ACHIEVED("Цілі досягнуто"),
    TRANSFERRED_TO_ANOTHER_ORGANISATION("Передано іншій організації"),
    TRANSFERRED_TO_ANOTHER_WORKER("Передано іншому працівнику"),
    MOVED_AWAY("Вибув"),
    REFUSED_FURTHER_WORK("Відмовився від подальшої роботи"),
    DIED("Помер"),
    OTHER("Інше");

    private final String label;

    ClosureReason(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
