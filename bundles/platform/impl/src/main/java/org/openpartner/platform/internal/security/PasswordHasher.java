package org.openpartner.platform.internal.security;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

import org.apache.shiro.crypto.hash.Hash;
import org.apache.shiro.crypto.hash.HashRequest;
import org.apache.shiro.crypto.hash.HashSpi;
import org.apache.shiro.crypto.hash.format.Shiro2CryptFormat;
import org.apache.shiro.crypto.support.hashes.argon2.Argon2HashProvider;
import org.apache.shiro.lang.util.ByteSource;

/**
 * Argon2id password hashes in Shiro 2's crypt format ({@code $shiro2$argon2id$v=19$t=…,m=…,p=…$salt$hash}).
 * The hash provider is named explicitly rather than found through {@link java.util.ServiceLoader}, which does
 * not see other bundles' providers in OSGi.
 */
public final class PasswordHasher {

    /** Stored instead of a hash for users without a password (they sign in with one-time codes); matches nothing. */
    public static final String NO_PASSWORD = "!";

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private static final String ALGORITHM = "argon2id";
    // OWASP's Argon2id recommendation (m=19 MiB, t=2, p=1): slow for guessing, affordable per login.
    private static final String MEMORY_KIB = "19456";
    private static final String ITERATIONS = "2";
    private static final String PARALLELISM = "1";

    private final Map<String, HashSpi> providers = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Shiro2CryptFormat format = new Shiro2CryptFormat();

    public PasswordHasher() {
        HashSpi argon2 = new Argon2HashProvider();
        for (String algorithm : argon2.getImplementedAlgorithms()) {
            providers.put(algorithm, argon2);
        }
    }

    /** Checks a password someone chose: 400 naming {@code field} when it is too short or too long. */
    public static void requireAcceptable(String password, String field) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw org.openpartner.platform.api.ApiException.badRequest("invalid_password",
                field + " must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters", field);
        }
    }

    public String hash(String password) {
        HashRequest request = new HashRequest.Builder()
            .setSource(ByteSource.Util.bytes(password))
            .setAlgorithmName(ALGORITHM)
            .addParameter(Argon2HashProvider.Parameters.PARAMETER_MEMORY_KIB, MEMORY_KIB)
            .addParameter(Argon2HashProvider.Parameters.PARAMETER_ITERATIONS, ITERATIONS)
            .addParameter(Argon2HashProvider.Parameters.PARAMETER_PARALLELISM, PARALLELISM)
            .build();
        Hash hash = providers.get(ALGORITHM).newHashFactory(random).generate(request);
        return format.format(hash);
    }

    /** Reads a stored hash back into a Shiro {@link Hash} that can verify a password. */
    public Hash parse(String stored) {
        if (stored == null || !stored.startsWith(Shiro2CryptFormat.MCF_PREFIX)) {
            throw new IllegalArgumentException("not a Shiro 2 crypt-format hash");
        }
        String rest = stored.substring(Shiro2CryptFormat.MCF_PREFIX.length());
        int end = rest.indexOf('$');
        HashSpi provider = end < 0 ? null : providers.get(rest.substring(0, end));
        if (provider == null) {
            throw new IllegalArgumentException("unsupported hash algorithm");
        }
        return provider.fromString("$" + rest);
    }

    /** The hash to store for {@code password}, or {@link #NO_PASSWORD} for none. */
    public String hashOrNone(String password) {
        return password == null ? NO_PASSWORD : hash(password);
    }

    public static boolean isNone(String stored) {
        return NO_PASSWORD.equals(stored);
    }

    public boolean matches(String password, String stored) {
        if (isNone(stored)) {
            return false;
        }
        return parse(stored).matchesPassword(ByteSource.Util.bytes(password));
    }
}
