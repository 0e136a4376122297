package org.openpartner.interconnect.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * Invitation code text: {@code OPI-XXXX-XXXX-XXXX-XXXX}, 16 Crockford base-32 characters (80 random bits), read
 * back leniently (case, spaces and dashes ignored, I/L taken as 1 and O as 0) and stored as SHA-256.
 */
final class InvitationCodes {

    static final String PREFIX = "OPI";
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 16;

    private final SecureRandom random;

    InvitationCodes(SecureRandom random) {
        this.random = random;
    }

    String newCode() {
        StringBuilder code = new StringBuilder(PREFIX);
        for (int i = 0; i < LENGTH; i++) {
            if (i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The 16 significant characters of what a user typed, or empty when it cannot be a code. */
    static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String compact = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (compact.startsWith(PREFIX) && compact.length() == PREFIX.length() + LENGTH) {
            compact = compact.substring(PREFIX.length());
        }
        compact = compact.replace('I', '1').replace('L', '1').replace('O', '0');
        if (compact.length() != LENGTH) {
            return Optional.empty();
        }
        for (char c : compact.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(compact);
    }

    static String hash(String normalized) {
        return DigestUtils.sha256Hex(normalized);
    }

    /** The last four characters, so that the upstream can tell its codes apart in a list. */
    static String hint(String normalized) {
        return normalized.substring(LENGTH - 4);
    }
}
