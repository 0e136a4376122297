package org.openpartner.platform.internal.security;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    public void hashesAreSaltedArgon2idInShiroCryptFormat() {
        String first = hasher.hash("correct horse battery");
        String second = hasher.hash("correct horse battery");
        assertTrue(first, first.startsWith("$shiro2$argon2id$v=19$t=2,m=19456,p=1$"));
        assertFalse(first.contains("correct horse"));
        assertNotEquals("a fresh salt each time", first, second);
    }

    @Test
    public void verifiesOnlyTheRightPassword() {
        String stored = hasher.hash("s3cret-Passw0rd");
        assertTrue(hasher.matches("s3cret-Passw0rd", stored));
        assertFalse(hasher.matches("s3cret-passw0rd", stored));
        assertFalse(hasher.matches("", stored));
    }

    @Test(expected = IllegalArgumentException.class)
    public void refusesWhatIsNotAShiroHash() {
        hasher.parse("plain-text-password");
    }

    @Test(expected = IllegalArgumentException.class)
    public void refusesUnknownAlgorithms() {
        hasher.parse("$shiro2$md5$abc");
    }
}
