package org.georisk.contracts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CategoriesTest {

    @Test
    void rootsMapAsTheBriefSays() {
        assertEquals(Category.DIPLOMATIC, Categories.defaultFor("036", "RUS", "AZE"));
        assertEquals(Category.DIPLOMATIC, Categories.defaultFor("16", "AZE", "RUS"));
        assertEquals(Category.ECONOMIC, Categories.defaultFor("061", "RUS", "ARM"));
        assertEquals(Category.SECURITY, Categories.defaultFor("062", "RUS", "ARM"));
        assertEquals(Category.SECURITY, Categories.defaultFor("0641", "RUS", "ARM"));
        assertEquals(Category.DOMESTIC, Categories.defaultFor("141", "ARM", "AZE"));
        assertEquals(Category.SECURITY, Categories.defaultFor("190", "ARM", "AZE"));
    }

    @Test
    void oneCountryMeansDomestic() {
        assertEquals(Category.DOMESTIC, Categories.defaultFor("190", "ARM", null));
        assertEquals(Category.DOMESTIC, Categories.defaultFor("036", "ARM", "ARM"));
    }
}
