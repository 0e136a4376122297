package org.openpartner.interconnect.api.dto;

import java.util.List;

/**
 * How to connect the companies of an import.
 *
 * @param roles           external roles of the imported contacts; null or empty for Dealer Personnel
 * @param apps            apps to enable for every imported company besides those on by default and those a row
 *                        names
 * @param initialPassword the first password of newly created external users (to be changed at first login); null
 *                        lets them sign in with a one-time code sent to their mobile
 */
public record ImportOptions(List<String> roles, List<String> apps, String initialPassword) {

    public static ImportOptions defaults() {
        return new ImportOptions(null, null, null);
    }
}
