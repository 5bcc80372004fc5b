package ua.social.contracts.code;

import java.util.Arrays;
import java.util.Optional;

/** Oblasts and cities with special status, by ISO 3166-2:UA code. */
public enum Oblast implements Labelled {
    UA_05("UA-05", "Вінницька область", "Vinnytsia Oblast"),
    UA_07("UA-07", "Волинська область", "Volyn Oblast"),
    UA_09("UA-09", "Луганська область", "Luhansk Oblast"),
    UA_12("UA-12", "Дніпропетровська область", "Dnipropetrovsk Oblast"),
    UA_14("UA-14", "Донецька область", "Donetsk Oblast"),
    UA_18("UA-18", "Житомирська область", "Zhytomyr Oblast"),
    UA_21("UA-21", "Закарпатська область", "Zakarpattia Oblast"),
    UA_23("UA-23", "Запорізька область", "Zaporizhzhia Oblast"),
    UA_26("UA-26", "Івано-Франківська область", "Ivano-Frankivsk Oblast"),
    UA_30("UA-30", "місто Київ", "Kyiv City"),
    UA_32("UA-32", "Київська область", "Kyiv Oblast"),
    UA_35("UA-35", "Кіровоградська область", "Kirovohrad Oblast"),
    UA_40("UA-40", "місто Севастополь", "Sevastopol City"),
    UA_43("UA-43", "Автономна Республіка Крим", "Autonomous Republic of Crimea"),
    UA_46("UA-46", "Львівська область", "Lviv Oblast"),
    UA_48("UA-48", "Миколаївська область", "Mykolaiv Oblast"),
    UA_51("UA-51", "Одеська область", "Odesa Oblast"),
    UA_53("UA-53", "Полтавська область", "Poltava Oblast"),
    UA_56("UA-56", "Рівненська область", "Rivne Oblast"),
    UA_59("UA-59", "Сумська область", "Sumy Oblast"),
    UA_61("UA-61", "Тернопільська область", "Ternopil Oblast"),
    UA_63("UA-63", "Харківська область", "Kharkiv Oblast"),
    UA_65("UA-65", "Херсонська область", "Kherson Oblast"),
    UA_68("UA-68", "Хмельницька область", "Khmelnytskyi Oblast"),
    UA_71("UA-71", "Черкаська область", "Cherkasy Oblast"),
    UA_74("UA-74", "Чернігівська область", "Chernihiv Oblast"),
    UA_77("UA-77", "Чернівецька область", "Chernivtsi Oblast");

    private final String code;
    private final String uk;
    private final String en;

    Oblast(String code, String uk, String en) {
        this.code = code;
        this.uk = uk;
        this.en = en;
    }

    public String code() {
        return code;
    }

    @Override
    public String uk() {
        return uk;
    }

    @Override
    public String en() {
        return en;
    }

    public static Optional<Oblast> byCode(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
    }

    /** The Ukrainian name of an oblast code, or the code itself when it is not an oblast. */
    public static String ukOf(String code) {
        return byCode(code).map(Oblast::uk).orElse(code);
    }
}
