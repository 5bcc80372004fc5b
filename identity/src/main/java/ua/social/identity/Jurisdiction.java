package ua.social.identity;

/**
 * Where a caller works: an oblast (ISO 3166-2:UA code, e.g. {@code UA-53}) and a territorial
 * community (hromada, KATOTTG code). Either may be null: a ministry analyst or a platform admin
 * is not bound to a community.
 */
public record Jurisdiction(String oblast, String hromada) {

    public static final Jurisdiction NONE = new Jurisdiction(null, null);

    public boolean hasHromada() {
        return hromada != null && !hromada.isBlank();
    }

    /** True when the given community is this caller's own community. */
    public boolean coversHromada(String otherHromada) {
        return hasHromada() && hromada.equals(otherHromada);
    }
}
