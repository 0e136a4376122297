package org.openpartner.platform.internal.security;

import java.time.Instant;
import java.util.Optional;

import org.openpartner.platform.api.CallContext;

/** Logs users in, resolves bearer tokens into call contexts and revokes them. */
public interface Authenticator {

    record Session(String token, Instant expiresAt, CallContext context) {
    }

    /**
     * @throws org.openpartner.platform.api.ApiException 401 for wrong credentials, 429 while throttled
     */
    Session login(String identity, String password);

    /** The context of a valid (known, unexpired, unrevoked) token. */
    Optional<CallContext> resolve(String token);

    /** Revokes the token; unknown tokens are ignored. */
    void logout(String token);
}
