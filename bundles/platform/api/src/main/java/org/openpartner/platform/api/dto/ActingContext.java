package org.openpartner.platform.api.dto;

/**
 * One of the contexts a user can act in: the own enterprise, or an upstream as an external user.
 *
 * @param enterpriseId   the enterprise acted for: pass it as {@code context} to log in or switch
 * @param kind           {@code own} or {@code external}
 * @param companyId      for external contexts: the downstream company acted within
 * @param status         active, suspended or ended; only active contexts can be entered
 */
public record ActingContext(String enterpriseId, String enterpriseName, String kind, String companyId,
                            String companyName, String status) {

    public static final String OWN = "own";
    public static final String EXTERNAL = "external";
}
