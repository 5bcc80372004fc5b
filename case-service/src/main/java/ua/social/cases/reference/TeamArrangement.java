package ua.social.cases.reference;

import ua.social.contracts.code.Labelled;
/** How the specialists around a case work together. */
public enum TeamArrangement implements Labelled {
    MULTIDISCIPLINARY("Мультидисциплінарна", "Multidisciplinary: each within their field, coordinated by the case manager"),
    INTERDISCIPLINARY("Міждисциплінарна", "Interdisciplinary: decisions and responsibility shared, client a full partner"),
    TRANSDISCIPLINARY("Трансдисциплінарна", "Transdisciplinary: one member keeps contact, drawing on colleagues' views");

    private final String uk;
    private final String en;

    TeamArrangement(String uk, String en) {
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
