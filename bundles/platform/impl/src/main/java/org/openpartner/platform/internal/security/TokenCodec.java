package org.openpartner.platform.internal.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.apache.commons.codec.digest.DigestUtils;

/** Opaque bearer tokens: 256 random bits, URL-safe; only their SHA-256 is ever stored. */
public final class TokenCodec {

    private static final String PREFIX = "opt_";
    private final SecureRandom random = new SecureRandom();

    public String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True when the value has the shape of one of our tokens; anything else is rejected without a lookup. */
    public boolean looksValid(String token) {
        return token != null && token.length() == PREFIX.length() + 43 && token.startsWith(PREFIX)
            && token.substring(PREFIX.length()).chars().allMatch(TokenCodec::isBase64Url);
    }

    public String hash(String token) {
        return DigestUtils.sha256Hex(token);
    }

    private static boolean isBase64Url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
