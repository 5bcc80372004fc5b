package ua.social.contracts.code;

/** Vulnerable-group categories (вразливі групи населення); a client may belong to several. */
public enum VulnerableGroup implements Labelled {
    INTERNALLY_DISPLACED("Внутрішньо переміщена особа (ВПО)", "Internally displaced person (IDP)"),
    DISABILITY("Особа з інвалідністю", "Person with disability"),
    OLDER_PERSON("Особа похилого віку", "Older person in need of support"),
    FAMILY_WITH_CHILDREN_IN_DIFFICULTY("Сім'я з дітьми у складних життєвих обставинах (СЖО)",
            "Family with children in difficult life circumstances"),
    ORPHAN_OR_WITHOUT_PARENTAL_CARE("Дитина-сирота, дитина, позбавлена батьківського піклування",
            "Orphan or child deprived of parental care"),
    CARE_LEAVER("Особа з числа дітей-сиріт до 23 років", "Care leaver (up to age 23)"),
    CHILD_IN_CONFLICT_WITH_LAW("Дитина в конфлікті із законом", "Child in conflict with the law"),
    VETERAN_OR_FAMILY("Ветеран, військовослужбовець або член їхньої сім'ї",
            "Veteran, combatant, service member or family member"),
    DOMESTIC_VIOLENCE_SURVIVOR("Особа, яка постраждала від домашнього насильства", "Survivor of domestic violence"),
    TRAFFICKING_SURVIVOR("Особа, яка постраждала від торгівлі людьми", "Survivor of trafficking"),
    UNEMPLOYED("Безробітна особа", "Unemployed person"),
    HOMELESS("Особа без постійного місця проживання", "Homeless person"),
    RELEASED_FROM_PRISON("Особа, звільнена з місць позбавлення волі", "Person released from prison"),
    LIVING_WITH_HIV("Особа, яка живе з ВІЛ", "Person living with HIV"),
    ADDICTION("Особа із залежністю", "Person with an addiction"),
    MENTAL_HEALTH_CONDITION("Особа з порушеннями психічного здоров'я", "Person with a mental-health condition");

    private final String uk;
    private final String en;

    VulnerableGroup(String uk, String en) {
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
