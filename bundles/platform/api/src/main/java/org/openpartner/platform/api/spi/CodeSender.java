package org.openpartner.platform.api.spi;

import java.time.Duration;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Delivers one-time codes (login by mobile, password reset) to a user's mobile. The platform uses the service with
 * the highest ranking; its own default writes the code to the log. Register an SMS gateway with a higher
 * {@code service.ranking} to replace it.
 */
@ConsumerType
public interface CodeSender {

    String PURPOSE_LOGIN = "login";
    String PURPOSE_PASSWORD_RESET = "password-reset";

    /**
     * @param mobile   E.164 mobile number
     * @param code     the code to deliver
     * @param purpose  {@link #PURPOSE_LOGIN} or {@link #PURPOSE_PASSWORD_RESET}
     * @param validFor how long the code is accepted
     */
    void send(String mobile, String code, String purpose, Duration validFor);
}
