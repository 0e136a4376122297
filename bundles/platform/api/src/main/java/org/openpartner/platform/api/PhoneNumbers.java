package org.openpartner.platform.api;

import org.osgi.annotation.versioning.ProviderType;

/** Validates and normalises mobile numbers, the login identity of external users. */
@ProviderType
public interface PhoneNumbers {

    /**
     * Returns the number in E.164 form ({@code +14155550123}).
     *
     * @param raw   what the user typed; a number without {@code +} is read in the configured default region
     * @param field the request field to name in the error
     * @throws ApiException 400 {@code invalid_mobile} when it is not a valid mobile number
     */
    String normalizeMobile(String raw, String field);
}
