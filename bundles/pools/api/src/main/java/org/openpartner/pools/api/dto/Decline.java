package org.openpartner.pools.api.dto;

/**
 * A holder turning down a record handed to it: the reason goes into the pool log, and the pool's rules pass over
 * the holder for this record from now on. {@code forCompany} (absent: false): the holder's company declines (an
 * administrator of the company may decline for it), so the rules pass over every user of the company.
 */
public record Decline(String reason, Boolean forCompany) {

    /** Whether the company declines, not only its user. */
    public boolean byCompany() {
        return Boolean.TRUE.equals(forCompany);
    }
}
