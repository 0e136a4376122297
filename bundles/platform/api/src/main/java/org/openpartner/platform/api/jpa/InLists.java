package org.openpartner.platform.api.jpa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Values for a query's {@code in :list} parameter. OpenJPA writes one placeholder per value, so every list length is
 * another SQL text: Derby compiles each text into a class of its own, and a bulk job with lists of every length
 * keeps the database compiling and the JIT busy. Padding the list to a power of two (repeating its last value)
 * leaves a handful of texts that stay prepared; chunks keep each statement within the databases' parameter limits.
 */
public final class InLists {

    /** The most values one statement gets. */
    public static final int CHUNK = 512;

    private InLists() {
    }

    /** The values, their last one repeated up to the next power of two (at most {@link #CHUNK}). */
    public static <T> List<T> padded(Collection<T> values) {
        if (values.size() > CHUNK) {
            throw new IllegalArgumentException("between 1 and " + CHUNK + " values, not " + values.size());
        }
        return paddedWithoutBound(values);
    }

    /**
     * The values, their last one repeated up to the next power of two, however many: for one statement whose list
     * the caller keeps within the databases' parameter limits (a page's candidates, at most a few thousand).
     */
    public static <T> List<T> paddedWithoutBound(Collection<T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("at least one value");
        }
        List<T> padded = new ArrayList<>(values);
        int size = Integer.highestOneBit(padded.size() - 1) << 1;
        T last = padded.get(padded.size() - 1);
        while (padded.size() < Math.max(1, size)) {
            padded.add(last);
        }
        return padded;
    }

    /**
     * Runs {@code query} for the values in chunks of at most {@link #CHUNK}, each padded, and returns all rows; no
     * query runs for no values.
     */
    public static <T, R> List<R> query(List<T> values, Function<List<T>, List<R>> query) {
        return query(values, CHUNK, query);
    }

    /**
     * {@link #query(List, Function)} in chunks of at most {@code chunk} values (a power of two up to {@link #CHUNK}).
     * Smaller chunks keep an index lookup of a column whose values repeat (a name shared by several tenants' rows)
     * an index lookup: PostgreSQL's generic plan estimates rows per value times values, and beyond a point prices
     * the heap fetches above a full scan.
     */
    public static <T, R> List<R> query(List<T> values, int chunk, Function<List<T>, List<R>> query) {
        if (chunk < 1 || chunk > CHUNK || Integer.bitCount(chunk) != 1) {
            throw new IllegalArgumentException("a chunk is a power of two up to " + CHUNK + ", not " + chunk);
        }
        List<R> rows = new ArrayList<>();
        for (int from = 0; from < values.size(); from += chunk) {
            rows.addAll(query.apply(padded(values.subList(from, Math.min(values.size(), from + chunk)))));
        }
        return rows;
    }
}
