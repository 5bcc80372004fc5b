package ua.social.contracts.code;

/** Domains of a person's life situation in which needs (problems) are recorded and assessed. */
public enum NeedDomain implements Labelled {
    HOUSING("Житло", "Housing"),
    INCOME_AND_BENEFITS("Матеріальне забезпечення, соціальні виплати", "Income and social benefits"),
    EMPLOYMENT("Зайнятість", "Employment"),
    EDUCATION("Освіта", "Education"),
    PHYSICAL_HEALTH("Фізичне здоров'я", "Physical health"),
    MENTAL_HEALTH("Психологічний стан, психічне здоров'я", "Psychological state and mental health"),
    DISABILITY_AND_REHABILITATION("Інвалідність, реабілітація", "Disability and rehabilitation"),
    DOCUMENTS_AND_LEGAL("Документи, правові питання", "Documents and legal matters"),
    SAFETY_AND_PROTECTION("Безпека, захист від насильства", "Safety and protection from violence"),
    FAMILY_AND_PARENTING("Сім'я, догляд за дітьми, батьківство", "Family, child care and parenting"),
    DAILY_LIVING("Самообслуговування, побутові навички", "Self-care and daily living"),
    SOCIAL_CONNECTIONS("Соціальні зв'язки, дозвілля", "Social connections and participation"),
    ADDICTION("Залежності", "Addictions");

    private final String uk;
    private final String en;

    NeedDomain(String uk, String en) {
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
