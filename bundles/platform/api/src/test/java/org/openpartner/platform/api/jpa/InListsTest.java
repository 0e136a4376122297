package org.openpartner.platform.api.jpa;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.Test;

public class InListsTest {

    @Test
    public void padsToThePowerOfTwoAtOrAboveTheSizeRepeatingTheLastValue() {
        assertEquals(List.of("a"), InLists.padded(List.of("a")));
        assertEquals(List.of("a", "b"), InLists.padded(List.of("a", "b")));
        assertEquals(List.of("a", "b", "c", "c"), InLists.padded(List.of("a", "b", "c")));
        assertEquals(8, InLists.padded(numbers(5)).size());
        assertEquals(256, InLists.padded(numbers(200)).size());
        assertEquals(512, InLists.padded(numbers(512)).size());
    }

    @Test
    public void refusesEmptyAndOversizedLists() {
        assertThrows(IllegalArgumentException.class, () -> InLists.padded(List.of()));
        assertThrows(IllegalArgumentException.class, () -> InLists.padded(numbers(513)));
        assertThrows(IllegalArgumentException.class, () -> InLists.paddedWithoutBound(List.of()));
    }

    @Test
    public void padsLongerListsForOneStatementOnRequest() {
        assertEquals(1024, InLists.paddedWithoutBound(numbers(513)).size());
        assertEquals(List.of(0, 1, 2, 2), InLists.paddedWithoutBound(numbers(3)));
    }

    @Test
    public void queriesInPaddedChunksAndKeepsEveryRow() {
        List<Integer> sizes = new ArrayList<>();
        List<Integer> rows = InLists.query(numbers(1100), chunk -> {
            sizes.add(chunk.size());
            return chunk.stream().distinct().toList();
        });
        assertEquals(List.of(512, 512, 128), sizes);
        assertEquals(numbers(1100), rows);
        assertEquals(List.of(), InLists.query(List.<Integer>of(), chunk -> List.of(1)));
    }

    @Test
    public void smallerChunksOnRequest() {
        List<Integer> sizes = new ArrayList<>();
        List<Integer> rows = InLists.query(numbers(100), 32, chunk -> {
            sizes.add(chunk.size());
            return chunk.stream().distinct().toList();
        });
        assertEquals(List.of(32, 32, 32, 4), sizes);
        assertEquals(numbers(100), rows);
        assertThrows(IllegalArgumentException.class, () -> InLists.query(numbers(3), 48, chunk -> chunk));
        assertThrows(IllegalArgumentException.class, () -> InLists.query(numbers(3), 1024, chunk -> chunk));
    }

    private static List<Integer> numbers(int n) {
        return IntStream.range(0, n).boxed().toList();
    }
}
