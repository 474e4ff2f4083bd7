package org.georisk.contracts;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who can be an actor: an ISO 3166-1 alpha-3 country code (from the JDK's table) or one of the bloc codes below.
 * Regions (GDELT's EUR, AFR, WST, …) are not actors.
 */
public final class ActorCodes {

    /** Known blocs and international organisations, code to name. Extend here and nowhere else. */
    public static final Map<String, String> BLOCS = Map.ofEntries(
            Map.entry("EU", "European Union"),
            Map.entry("NATO", "North Atlantic Treaty Organization"),
            Map.entry("CSTO", "Collective Security Treaty Organization"),
            Map.entry("EAEU", "Eurasian Economic Union"),
            Map.entry("UN", "United Nations"),
            Map.entry("OSCE", "Organization for Security and Co-operation in Europe"),
            Map.entry("CIS", "Commonwealth of Independent States"),
            Map.entry("SCO", "Shanghai Cooperation Organisation"),
            Map.entry("BRICS", "BRICS"),
            Map.entry("ASEAN", "Association of Southeast Asian Nations"),
            Map.entry("AU", "African Union"),
            Map.entry("ARL", "Arab League"),
            Map.entry("GCC", "Gulf Cooperation Council"),
            Map.entry("OAS", "Organization of American States"),
            Map.entry("OIC", "Organisation of Islamic Cooperation"),
            Map.entry("OTS", "Organization of Turkic States"),
            Map.entry("G7", "Group of Seven"),
            Map.entry("G20", "Group of Twenty"),
            Map.entry("IAEA", "International Atomic Energy Agency"),
            Map.entry("WTO", "World Trade Organization"),
            Map.entry("IMF", "International Monetary Fund"),
            Map.entry("COE", "Council of Europe"));

    private static final Set<String> COUNTRIES =
            Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    private ActorCodes() {
    }

    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    public static boolean isBloc(String code) {
        return code != null && BLOCS.containsKey(code);
    }

    /** True for a country or bloc code, exactly as written (upper case). */
    public static boolean isKnown(String code) {
        return isCountry(code) || isBloc(code);
    }

    /** Every known code with a display name, sorted by code. */
    public static Map<String, String> all() {
        Map<String, String> all = new TreeMap<>(BLOCS);
        for (String alpha3 : COUNTRIES) {
            all.put(alpha3, countryName(alpha3));
        }
        return all;
    }

    private static String countryName(String alpha3) {
        for (String alpha2 : Locale.getISOCountries()) {
            Locale locale = new Locale("", alpha2);
            if (alpha3.equals(locale.getISO3Country())) {
                return locale.getDisplayCountry(Locale.ENGLISH);
            }
        }
        return alpha3;
    }
}
