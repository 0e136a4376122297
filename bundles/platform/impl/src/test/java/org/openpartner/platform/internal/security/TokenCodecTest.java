package org.openpartner.platform.internal.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.Test;

public class TokenCodecTest {

    private final TokenCodec codec = new TokenCodec();

    @Test
    public void tokensAreRandomAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = codec.newToken();
            assertTrue(token, codec.looksValid(token));
            assertTrue(seen.add(token));
        }
    }

    @Test
    public void malformedTokensAreRecognisedWithoutALookup() {
        String token = codec.newToken();
        assertFalse(codec.looksValid(null));
        assertFalse(codec.looksValid(""));
        assertFalse(codec.looksValid(token.substring(1)));
        assertFalse(codec.looksValid(token + "x"));
        assertFalse(codec.looksValid("opt_" + "!".repeat(43)));
        assertFalse(codec.looksValid("xyz_" + token.substring(4)));
    }

    @Test
    public void storedHashIsStableHexSha256() {
        String token = codec.newToken();
        String hash = codec.hash(token);
        assertEquals(64, hash.length());
        assertTrue(hash.matches("[0-9a-f]{64}"));
        assertEquals(hash, codec.hash(token));
        assertNotEquals(hash, codec.hash(codec.newToken()));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", codec.hash("abc"));
    }
}
