package org.openpartner.platform.api;

import java.util.Locale;

/** Display names and the keys their uniqueness is checked on. */
public final class Names {

    private Names() {
    }

    /** Trims and folds runs of white space into one space. */
    public static String clean(String name) {
        return name == null ? null : name.strip().replaceAll("\\s+", " ");
    }

    /** The uniqueness key of a name: cleaned and lower-cased, so "ACME  Ltd" and " acme ltd" collide. */
    public static String key(String name) {
        return name == null ? null : clean(name).toLowerCase(Locale.ROOT);
    }

    /** Cleans a required name, rejecting blank or overlong ones with a 400 naming the field. */
    public static String require(String name, String field, int maxLength) {
        String cleaned = clean(name);
        if (cleaned == null || cleaned.isEmpty()) {
            throw ApiException.badRequest("required", field + " is required", field);
        }
        if (cleaned.length() > maxLength) {
            throw ApiException.badRequest("too_long", field + " must be at most " + maxLength + " characters", field);
        }
        return cleaned;
    }
}
