package org.openpartner.platform.internal.security;

import java.time.Instant;
import java.util.Optional;

import org.openpartner.platform.api.CallContext;

/**
 * Logs users in (password or one-time code) into one context, resolves bearer tokens into call contexts, switches
 * context, changes and resets passwords, and revokes tokens.
 */
public interface Authenticator {

    /**
     * @param passwordChangeRequired the user must change its password before anything else: the token only
     *                               reaches {@code /auth/password}, {@code /auth/logout} and {@code /me}
     */
    record Session(String token, Instant expiresAt, CallContext context, boolean passwordChangeRequired) {
    }

    /** What a valid token stands for. */
    record Resolved(CallContext context, boolean passwordChangeRequired) {
    }

    /**
     * @param context the enterprise to act for; null for the user's own enterprise
     * @throws org.openpartner.platform.api.ApiException 401 for wrong credentials, 403 for a context the user may
     *         not enter, 429 while throttled
     */
    Session login(String identity, String password, String context);

    /** Sends a one-time code to the user with this mobile, if there is one; never tells whether there is. */
    void requestCode(String mobile, String purpose);

    /** Logs in with a one-time code sent for {@code login}. */
    Session loginWithCode(String mobile, String code, String context);

    /** Sets a new password with a one-time code sent for {@code password-reset}; revokes all the user's tokens. */
    void resetPassword(String mobile, String code, String newPassword);

    /**
     * Changes the caller's password after checking the current one, and revokes every other token of the user:
     * whoever knew the old password (the one an upstream handed out) keeps no session.
     *
     * @param currentToken the token of the request, which stays valid
     */
    void changePassword(CallContext caller, String currentToken, String currentPassword, String newPassword);

    /** A new token for the same user acting in another context; the current token stays valid. */
    Session switchContext(CallContext caller, String context);

    /** The context of a valid (known, unexpired, unrevoked) token whose user and membership are active. */
    Optional<Resolved> resolve(String token);

    /** Revokes the token; unknown tokens are ignored. */
    void logout(String token);
}
