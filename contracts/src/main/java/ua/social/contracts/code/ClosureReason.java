package ua.social.contracts.code;

/** Why a case was closed ({@code reason} of case.closed). */
public enum ClosureReason implements Labelled {
    GOALS_ACHIEVED("Цілі досягнуто", "Goals achieved"),
    TRANSFERRED_TO_ANOTHER_ORGANISATION("Передано іншій організації", "Transferred to another organisation"),
    TRANSFERRED_TO_ANOTHER_WORKER("Передано іншому працівнику", "Transferred to another worker"),
    MOVED_AWAY("Вибув", "Moved away"),
    REFUSED_FURTHER_WORK("Відмовився від подальшої роботи", "Refused further work"),
    DIED("Помер", "Died"),
    OTHER("Інше", "Other");

    private final String uk;
    private final String en;

    ClosureReason(String uk, String en) {
        this.uk = uk;
        this.en = en;
    }

    @Override
    public String uk() {
        return uk;
    }

    @Override
    public String en() {
        return en;
    }
}
