package ua.social.reporting.reference;

/** Vulnerable groups (вразливі групи) as the case events name them. */
public enum VulnerableGroup implements Labelled {
    INTERNALLY_DISPLACED("ВПО"),
    DISABILITY("Особи з інвалідністю"),
    OLDER_PERSON("Особи похилого віку"),
    FAMILY_WITH_CHILDREN_IN_DIFFICULTY("Сім'ї з дітьми у СЖО"),
    ORPHAN_OR_WITHOUT_PARENTAL_CARE("Діти-сироти, діти без батьківського піклування"),
    CARE_LEAVER("Особи з числа дітей-сиріт до 23 років"),
    CHILD_IN_CONFLICT_WITH_LAW("Діти в конфлікті із законом"),
    VETERAN_OR_FAMILY("Ветерани, військовослужбовці та їхні сім'ї"),
    DOMESTIC_VIOLENCE_SURVIVOR("Постраждалі від домашнього насильства"),
    TRAFFICKING_SURVIVOR("Постраждалі від торгівлі людьми"),
    UNEMPLOYED("Безробітні"),
    HOMELESS("Особи без постійного місця проживання"),
    RELEASED_FROM_PRISON("Звільнені з місць позбавлення волі"),
    LIVING_WITH_HIV("Люди, які живуть з ВІЛ"),
    ADDICTION("Особи із залежностями"),
    MENTAL_HEALTH_CONDITION("Особи з порушеннями психічного здоров'я");

    private final String label;

    VulnerableGroup(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
