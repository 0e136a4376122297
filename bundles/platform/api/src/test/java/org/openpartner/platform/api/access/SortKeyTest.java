package org.openpartner.platform.api.access;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.junit.Test;

public class SortKeyTest {

    @Test
    public void parsesPathsWithTheirDirections() {
        assertEquals(List.of(new SortKey("p.createdAt", true), new SortKey("p.id", true)),
            SortKey.parse("p.createdAt desc, p.id DESC"));
        assertEquals(List.of(new SortKey("w.name", false), new SortKey("w.id", false)), SortKey.parse("w.name asc,w.id"));
    }

    @Test
    public void refusesWhatIsNotAPathWithADirection() {
        for (String orderBy : List.of("", "w.name sideways", "lower(w.name) asc nulls", "w.name,")) {
            assertThrows(orderBy, IllegalArgumentException.class, () -> SortKey.parse(orderBy));
        }
    }

    @Test
    public void stringsCompareByCodeUnitWithTrailingSpacesIgnored() {
        assertEquals(0, SortKey.compareStrings("a", "a  "));
        assertTrue(SortKey.compareStrings("A", "a") < 0);
        assertTrue(SortKey.compareStrings("a\t", "a") < 0);
        assertTrue(SortKey.compareStrings("a", "a\t") > 0);
        assertTrue(SortKey.compareStrings("ab", "a ") > 0);
        assertTrue(SortKey.compareStrings("\ud83d\ude00", "\uffe0") < 0);
    }

    @Test
    public void ordersRowsKeyByKeyWithNullsAboveEveryValue() {
        List<Object[]> rows = new ArrayList<>(List.of(
            new Object[] {"1", null, "1"}, new Object[] {"2", "b", "2"}, new Object[] {"3", "a", "3"},
            new Object[] {"4", "a ", "4"}));
        rows.sort(SortKey.comparator(SortKey.parse("x.name, x.id desc")));
        assertEquals(List.of("4", "3", "2", "1"), rows.stream().map(row -> row[0]).toList());
        rows.sort(SortKey.comparator(SortKey.parse("x.name desc, x.id")));
        assertEquals(List.of("1", "2", "3", "4"), rows.stream().map(row -> row[0]).toList());
        List<Object[]> times = new ArrayList<>(List.of(new Object[] {"old", new Date(1)}, new Object[] {"new", new Date(2)}));
        times.sort(SortKey.comparator(SortKey.parse("x.createdAt desc")));
        assertEquals("new", times.get(0)[0]);
    }
}
