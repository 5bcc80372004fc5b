package ua.social.reporting.reference;

import java.util.Arrays;
import java.util.Optional;

/** Oblasts and cities with special status, by ISO 3166-2:UA code. */
public enum Oblast {
    UA_05("UA-05", "Вінницька область"),
    UA_07("UA-07", "Волинська область"),
    UA_09("UA-09", "Луганська область"),
    UA_12("UA-12", "Дніпропетровська область"),
    UA_14("UA-14", "Донецька область"),
    UA_18("UA-18", "Житомирська область"),
    UA_21("UA-21", "Закарпатська область"),
    UA_23("UA-23", "Запорізька область"),
    UA_26("UA-26", "Івано-Франківська область"),
    UA_30("UA-30", "місто Київ"),
    UA_32("UA-32", "Київська область"),
    UA_35("UA-35", "Кіровоградська область"),
    UA_40("UA-40", "місто Севастополь"),
    UA_43("UA-43", "Автономна Республіка Крим"),
    UA_46("UA-46", "Львівська область"),
    UA_48("UA-48", "Миколаївська область"),
    UA_51("UA-51", "Одеська область"),
    UA_53("UA-53", "Полтавська область"),
    UA_56("UA-56", "Рівненська область"),
    UA_59("UA-59", "Сумська область"),
    UA_61("UA-61", "Тернопільська область"),
    UA_63("UA-63", "Харківська область"),
    UA_65("UA-65", "Херсонська область"),
    UA_68("UA-68", "Хмельницька область"),
    UA_71("UA-71", "Черкаська область"),
    UA_74("UA-74", "Чернігівська область"),
    UA_77("UA-77", "Чернівецька область");

    private final String code;
    private final String label;

    Oblast(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<Oblast> byCode(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
    }

    /** The label of an oblast code, or the code itself when it is not in the list. */
    public static String labelOf(String code) {
        return byCode(code).map(Oblast::label).orElse(code);
    }
}
