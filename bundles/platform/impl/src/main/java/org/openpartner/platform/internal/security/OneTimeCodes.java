package org.openpartner.platform.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.apache.commons.codec.digest.DigestUtils;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.internal.identity.IdentityStore;
import org.openpartner.platform.internal.jpa.OneTimeCodeEntity;
import org.openpartner.platform.internal.jpa.UserEntity;

/**
 * Six-digit one-time codes: stored as a salted SHA-256, valid for a short time, usable once, at most
 * {@link #MAX_ATTEMPTS} guesses each, and at most a few requested per user and window.
 */
final class OneTimeCodes {

    static final int MAX_ATTEMPTS = 5;

    private final Transactions tx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile Duration validity = Duration.ofMinutes(5);
    private volatile int maxPerWindow = 3;
    private volatile Duration window = Duration.ofMinutes(10);

    OneTimeCodes(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    void configure(Duration validity, int maxPerWindow, Duration window) {
        this.validity = validity;
        this.maxPerWindow = Math.max(1, maxPerWindow);
        this.window = window;
    }

    Duration validity() {
        return validity;
    }

    /**
     * A new code for the active user with this mobile, or empty when there is none or the user asked for too many
     * codes in the window (the caller answers the same either way, so that nobody learns which mobiles have accounts).
     */
    Optional<String> issue(String mobile, String purpose) {
        Instant now = clock.instant();
        return tx.inTransaction(em -> {
            UserEntity user = IdentityStore.findByMobile(em, mobile).filter(u -> IdentityStore.ACTIVE.equals(u.getStatus()))
                .orElse(null);
            if (user == null) {
                return Optional.empty();
            }
            long recent = em.createQuery("select count(c) from OneTimeCodeEntity c where c.userId = :u "
                    + "and c.purpose = :p and c.createdAt > :since", Long.class)
                .setParameter("u", user.getId()).setParameter("p", purpose)
                .setParameter("since", Date.from(now.minus(window))).getSingleResult();
            if (recent >= maxPerWindow) {
                // No code, and no other answer than for a number nobody has: a 429 here would tell that it has one.
                return Optional.empty();
            }
            String code = String.format("%06d", random.nextInt(1_000_000));
            OneTimeCodeEntity entity = new OneTimeCodeEntity();
            entity.setId(Ids.newId());
            entity.setUserId(user.getId());
            entity.setPurpose(purpose);
            entity.setCodeHash(hash(user.getId(), code));
            entity.setCreatedAt(now);
            entity.setExpiresAt(now.plus(validity));
            em.persist(entity);
            return Optional.of(code);
        });
    }

    /**
     * Uses up the code and returns its user's id.
     *
     * @throws ApiException 401 when the code is wrong, expired, already used or out of attempts; 400 when malformed
     */
    String redeem(String mobile, String code, String purpose) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            throw ApiException.badRequest("invalid_code", "code must be the 6 digits that were sent", "code");
        }
        String submitted = code.strip();
        Instant now = clock.instant();
        String userId = tx.inTransaction(em -> {
            UserEntity user = IdentityStore.findByMobile(em, mobile).filter(u -> IdentityStore.ACTIVE.equals(u.getStatus()))
                .orElse(null);
            if (user == null) {
                return null;
            }
            OneTimeCodeEntity latest = em.createQuery("select c from OneTimeCodeEntity c where c.userId = :u "
                    + "and c.purpose = :p and c.usedAt is null and c.expiresAt > :now order by c.createdAt desc",
                    OneTimeCodeEntity.class)
                .setParameter("u", user.getId()).setParameter("p", purpose).setParameter("now", Date.from(now))
                .setMaxResults(1).getResultList().stream().findFirst().orElse(null);
            if (latest == null || latest.getAttempts() >= MAX_ATTEMPTS) {
                return null;
            }
            // The attempt counts before the code is compared, in one conditional statement: guesses sent in parallel
            // wait on the row and each uses one of the attempts.
            int counted = em.createQuery("update OneTimeCodeEntity c set c.attempts = c.attempts + 1 where c.id = :id "
                    + "and c.attempts < :max").setParameter("id", latest.getId()).setParameter("max", MAX_ATTEMPTS)
                .executeUpdate();
            if (counted == 0) {
                return null;
            }
            if (!MessageDigest.isEqual(latest.getCodeHash().getBytes(StandardCharsets.US_ASCII),
                    hash(user.getId(), submitted).getBytes(StandardCharsets.US_ASCII))) {
                return null;
            }
            // Conditional, so that two requests racing with the same code cannot both use it.
            int used = em.createQuery("update OneTimeCodeEntity c set c.usedAt = :now where c.id = :id and c.usedAt is null")
                .setParameter("now", Date.from(now)).setParameter("id", latest.getId()).executeUpdate();
            return used == 1 ? user.getId() : null;
        });
        if (userId == null) {
            throw ApiException.unauthorized("the code is wrong, expired or already used");
        }
        return userId;
    }

    static String hash(String userId, String code) {
        return DigestUtils.sha256Hex(userId + ':' + code);
    }
}
