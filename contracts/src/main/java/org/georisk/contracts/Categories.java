package org.georisk.contracts;

/** The category an event gets when its feed names none (docs/contracts.md, GeoEvent "category"). */
public final class Categories {

    private Categories() {
    }

    /**
     * Roots 01–05, 08, 10–13, 16 → DIPLOMATIC; 06, 07 → ECONOMIC but 062 and 064 → SECURITY; 09, 14 → DOMESTIC;
     * 15, 17–20 → SECURITY; an event whose actors are one country → DOMESTIC.
     */
    public static Category defaultFor(String cameoCode, String actor1, String actor2) {
        if (actor2 == null || actor2.isBlank() || actor2.equals(actor1)) {
            return Category.DOMESTIC;
        }
        if (cameoCode.startsWith("062") || cameoCode.startsWith("064")) {
            return Category.SECURITY;
        }
        int root = Integer.parseInt(cameoCode.substring(0, 2));
        return switch (root) {
            case 6, 7 -> Category.ECONOMIC;
            case 9, 14 -> Category.DOMESTIC;
            case 15, 17, 18, 19, 20 -> Category.SECURITY;
            default -> Category.DIPLOMATIC;
        };
    }
}
