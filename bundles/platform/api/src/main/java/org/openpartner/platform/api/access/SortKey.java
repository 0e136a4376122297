package org.openpartner.platform.api.access;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One term of a list's {@code order by} ({@code w.name}, {@code p.createdAt desc}), and the order Java gives rows of
 * such values the way Derby does: strings by UTF-16 code unit with the shorter padded with spaces (UCS_BASIC, SQL's
 * pad semantics), other values by their natural order, nulls above every value.
 */
record SortKey(String expression, boolean descending) {

    /** The terms of an {@code order by} clause made of paths, each optionally followed by asc or desc. */
    static List<SortKey> parse(String orderBy) {
        List<SortKey> keys = new ArrayList<>();
        for (String term : orderBy.split(",", -1)) {
            String[] words = term.trim().split("\\s+");
            String direction = words.length == 2 ? words[1].toLowerCase(Locale.ROOT) : "asc";
            if (words.length > 2 || words[0].isEmpty() || !(direction.equals("asc") || direction.equals("desc"))) {
                throw new IllegalArgumentException("not a list of paths with asc or desc: " + orderBy);
            }
            keys.add(new SortKey(words[0], direction.equals("desc")));
        }
        return keys;
    }

    /** Orders rows whose element 0 is the id and elements 1.. the keys' values, in the keys' order. */
    static Comparator<Object[]> comparator(List<SortKey> keys) {
        return (left, right) -> {
            for (int i = 0; i < keys.size(); i++) {
                int byKey = compareValues(left[i + 1], right[i + 1]);
                if (byKey != 0) {
                    return keys.get(i).descending() ? -byKey : byKey;
                }
            }
            return 0;
        };
    }

    /** Whether {@code left} sorts before {@code right} by this term alone. */
    boolean before(Object left, Object right) {
        int byKey = compareValues(left, right);
        return descending ? byKey > 0 : byKey < 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object left, Object right) {
        if (left == null || right == null) {
            return left == right ? 0 : left == null ? 1 : -1;
        }
        if (left instanceof String a && right instanceof String b) {
            return compareStrings(a, b);
        }
        return ((Comparable) left).compareTo(right);
    }

    /** Derby's UCS_BASIC comparison: code unit by code unit, then the longer one's rest against spaces. */
    static int compareStrings(String left, String right) {
        int common = Math.min(left.length(), right.length());
        for (int i = 0; i < common; i++) {
            int difference = left.charAt(i) - right.charAt(i);
            if (difference != 0) {
                return difference;
            }
        }
        String longer = left.length() > right.length() ? left : right;
        int sign = longer == left ? 1 : -1;
        for (int i = common; i < longer.length(); i++) {
            int difference = longer.charAt(i) - ' ';
            if (difference != 0) {
                return sign * difference;
            }
        }
        return 0;
    }
}
