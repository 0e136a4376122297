package org.openpartner.platform.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.BearerToken;
import org.apache.shiro.authc.IncorrectCredentialsException;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.UnknownAccountException;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.authc.credential.AllowAllCredentialsMatcher;
import org.apache.shiro.authc.credential.CredentialsMatcher;
import org.apache.shiro.crypto.hash.Hash;
import org.apache.shiro.lang.util.ByteSource;
import org.apache.shiro.mgt.DefaultSecurityManager;
import org.apache.shiro.mgt.DefaultSessionStorageEvaluator;
import org.apache.shiro.mgt.DefaultSubjectDAO;
import org.apache.shiro.realm.AuthenticatingRealm;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.PhoneNumbers;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.api.spi.CodeSender;
import org.openpartner.platform.internal.PlatformConfig;
import org.openpartner.platform.internal.identity.IdentityStore;
import org.openpartner.platform.internal.jpa.AccessTokenEntity;
import org.openpartner.platform.internal.jpa.UserEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication through Apache Shiro with two realms of our own: login name or mobile + password (Argon2id
 * hashes), and bearer tokens. The security manager is this component's own (no {@code SecurityUtils} statics,
 * no sessions): each call authenticates a token and forgets it.
 */
@Component(service = Authenticator.class, configurationPid = PlatformConfig.PID)
public class ShiroAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(ShiroAuthenticator.class);

    private final Transactions tx;
    private final PhoneNumbers phones;
    private final PasswordHasher hasher = new PasswordHasher();
    private final TokenCodec tokens = new TokenCodec();
    /** Longer than any login name or mobile number: refused before it is looked up or counted. */
    static final int MAX_IDENTITY = 254;
    private final LoginThrottle throttle = new LoginThrottle(Clock.systemUTC(), 5, Duration.ofMinutes(15));
    /** Verified against when the identity is unknown, so that response time does not reveal which users exist. */
    private final Hash decoyHash;
    private final DefaultSecurityManager securityManager;
    private volatile Duration tokenTtl = Duration.ofHours(8);
    private final OneTimeCodes codes;

    /** The highest-ranked code sender: the log writer by default, an SMS gateway when one is installed. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CodeSender codeSender;

    /** What the password realm authenticated. */
    private record Principal(String userId, String enterpriseId) {
    }

    @Activate
    public ShiroAuthenticator(@Reference(target = "(osgi.unit.name=openpartner-platform)") EntityManagerFactory emf,
                              @Reference PhoneNumbers phones, PlatformConfig config) {
        this.tx = new Transactions(emf);
        this.phones = phones;
        this.codes = new OneTimeCodes(tx, Clock.systemUTC());
        this.decoyHash = hasher.parse(hasher.hash("decoy-" + System.nanoTime()));
        this.securityManager = new DefaultSecurityManager(List.of(new PasswordRealm(), new TokenRealm()));
        DefaultSessionStorageEvaluator noSessions = new DefaultSessionStorageEvaluator();
        noSessions.setSessionStorageEnabled(false);
        ((DefaultSubjectDAO) securityManager.getSubjectDAO()).setSessionStorageEvaluator(noSessions);
        configure(config);
    }

    @Modified
    void configure(PlatformConfig config) {
        tokenTtl = Duration.ofMinutes(Math.max(1, config.token_ttlMinutes()));
        codes.configure(Duration.ofSeconds(Math.max(30, config.code_validSeconds())), config.code_maxPerWindow(),
            Duration.ofSeconds(Math.max(60, config.code_windowSeconds())));
        throttle.configure(config.login_maxFailures(), Duration.ofSeconds(Math.max(1, config.login_lockSeconds())));
    }

    @Deactivate
    void deactivate() {
        securityManager.destroy();
    }

    @Override
    public Session login(String identity, String password, String context) {
        if (identity == null || identity.isBlank()) {
            throw ApiException.badRequest("required", "login is required", "login");
        }
        if (password == null || password.isEmpty()) {
            throw ApiException.badRequest("required", "password is required", "password");
        }
        if (identity.length() > MAX_IDENTITY) {
            throw ApiException.badRequest("too_long", "login is at most " + MAX_IDENTITY + " characters", "login");
        }
        // Failures count per identity as it is looked up: every way of writing one mobile number is one identity.
        String counted = throttleKey(identity.strip());
        long wait = throttle.secondsLocked(counted);
        if (wait > 0) {
            throw ApiException.tooManyRequests("too many failed logins; try again in " + wait + " seconds");
        }
        AuthenticationInfo info;
        try {
            info = securityManager.authenticate(new UsernamePasswordToken(identity.strip(), password));
        } catch (AuthenticationException e) {
            throttle.failed(counted);
            throw ApiException.unauthorized("wrong login or password");
        }
        throttle.succeeded(counted);
        return issue(info.getPrincipals().oneByType(Principal.class).userId(), context);
    }

    /** Issues a token for the user acting in {@code context} (null: its own enterprise). */
    private Session issue(String userId, String context) {
        String token = tokens.newToken();
        Instant now = Instant.now();
        Instant expiresAt = now.plus(tokenTtl);
        return tx.inTransaction(em -> {
            UserEntity user = em.find(UserEntity.class, userId);
            String tenantId = context == null || context.isBlank() ? user.getEnterpriseId() : context.strip();
            CallContext callContext = IdentityStore.contextOf(em, user, tenantId);
            AccessTokenEntity entity = new AccessTokenEntity();
            entity.setTokenHash(tokens.hash(token));
            entity.setUserId(userId);
            entity.setTenantId(tenantId);
            entity.setCreatedAt(now);
            entity.setExpiresAt(expiresAt);
            em.persist(entity);
            return new Session(token, expiresAt, callContext, user.isPasswordChangeRequired());
        });
    }

    @Override
    public void requestCode(String mobile, String purpose) {
        if (!CodeSender.PURPOSE_LOGIN.equals(purpose) && !CodeSender.PURPOSE_PASSWORD_RESET.equals(purpose)) {
            throw ApiException.badRequest("invalid_purpose", "purpose must be login or password-reset", "purpose");
        }
        String normalized = phones.normalizeMobile(mobile, "mobile");
        codes.issue(normalized, purpose).ifPresent(code -> codeSender.send(normalized, code, purpose, codes.validity()));
    }

    @Override
    public Session loginWithCode(String mobile, String code, String context) {
        String userId = codes.redeem(phones.normalizeMobile(mobile, "mobile"), code, CodeSender.PURPOSE_LOGIN);
        return issue(userId, context);
    }

    @Override
    public void resetPassword(String mobile, String code, String newPassword) {
        PasswordHasher.requireAcceptable(newPassword, "newPassword");
        String userId = codes.redeem(phones.normalizeMobile(mobile, "mobile"), code, CodeSender.PURPOSE_PASSWORD_RESET);
        tx.inTransaction(em -> {
            UserEntity user = em.find(UserEntity.class, userId);
            user.setPasswordHash(hasher.hash(newPassword));
            user.setPasswordChangeRequired(false);
            user.setUpdatedAt(Instant.now());
            em.createQuery("update AccessTokenEntity t set t.revokedAt = :now where t.userId = :u and t.revokedAt is null")
                .setParameter("now", new java.util.Date()).setParameter("u", userId).executeUpdate();
            return null;
        });
    }

    @Override
    public void changePassword(CallContext caller, String currentToken, String currentPassword, String newPassword) {
        if (caller.isConsole()) {
            throw ApiException.forbidden("the console has no password here");
        }
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw ApiException.badRequest("required", "currentPassword is required", "currentPassword");
        }
        PasswordHasher.requireAcceptable(newPassword, "newPassword");
        if (newPassword.equals(currentPassword)) {
            throw ApiException.badRequest("same_password", "the new password must differ from the current one", "newPassword");
        }
        long wait = throttle.secondsLocked(caller.userId());
        if (wait > 0) {
            throw ApiException.tooManyRequests("too many wrong passwords; try again in " + wait + " seconds");
        }
        boolean changed = tx.inTransaction(em -> {
            UserEntity user = em.find(UserEntity.class, caller.userId());
            if (PasswordHasher.isNone(user.getPasswordHash())) {
                throw ApiException.badRequest("no_password", "you have no password yet: set one with a code sent to "
                    + "your mobile (POST /auth/code with purpose password-reset, then /auth/password/reset)", "currentPassword");
            }
            if (!hasher.matches(currentPassword, user.getPasswordHash())) {
                return false;
            }
            user.setPasswordHash(hasher.hash(newPassword));
            user.setPasswordChangeRequired(false);
            user.setUpdatedAt(Instant.now());
            // Every other session ends: one opened with the old password (an upstream that handed it out, a
            // stolen one) would otherwise gain the account's full rights once the change lifts its restriction.
            em.createQuery("update AccessTokenEntity t set t.revokedAt = :now where t.userId = :u "
                    + "and t.revokedAt is null and t.tokenHash <> :current")
                .setParameter("now", new java.util.Date()).setParameter("u", caller.userId())
                .setParameter("current", currentToken == null ? "" : tokens.hash(currentToken)).executeUpdate();
            return true;
        });
        if (!changed) {
            throttle.failed(caller.userId());
            throw ApiException.forbidden("wrong_password", "the current password is wrong", "currentPassword");
        }
        throttle.succeeded(caller.userId());
    }

    @Override
    public Session switchContext(CallContext caller, String context) {
        if (caller.isConsole()) {
            throw ApiException.forbidden("the console does not switch context");
        }
        if (context == null || context.isBlank()) {
            throw ApiException.badRequest("required", "context is required", "context");
        }
        return issue(caller.userId(), context);
    }

    @Override
    public Optional<Resolved> resolve(String token) {
        if (!tokens.looksValid(token)) {
            return Optional.empty();
        }
        try {
            AuthenticationInfo info = securityManager.authenticate(new BearerToken(token));
            return Optional.of(info.getPrincipals().oneByType(Resolved.class));
        } catch (AuthenticationException e) {
            return Optional.empty();
        }
    }

    @Override
    public void logout(String token) {
        if (!tokens.looksValid(token)) {
            return;
        }
        tx.inTransaction(em -> {
            AccessTokenEntity entity = em.find(AccessTokenEntity.class, tokens.hash(token));
            if (entity != null && entity.getRevokedAt() == null) {
                entity.setRevokedAt(Instant.now());
            }
            return null;
        });
    }

    /** Deletes tokens that expired more than a day ago; returns how many. */
    public int purgeExpiredTokens() {
        Instant cutoff = Instant.now().minus(Duration.ofDays(1));
        return tx.inTransaction(em -> em.createQuery("delete from AccessTokenEntity t where t.expiresAt < :c")
            .setParameter("c", java.util.Date.from(cutoff)).executeUpdate());
    }

    /** The throttle's key for a login identity: its mobile number in E.164 when it is one, else the name folded. */
    private String throttleKey(String identity) {
        if (looksLikeMobile(identity)) {
            try {
                return phones.normalizeMobile(identity, "login");
            } catch (ApiException notAMobile) {
                LOG.trace("login identity is not a mobile number; counting it as a login name");
            }
        }
        return identity.toLowerCase(Locale.ROOT);
    }

    private static boolean looksLikeMobile(String identity) {
        return identity.startsWith("+") || identity.chars().allMatch(c -> Character.isDigit(c) || c == ' ' || c == '-');
    }

    private Optional<UserEntity> findUser(EntityManager em, String identity) {
        if (identity.startsWith("#")) {
            // The stored key of a user without a login name ("#<id>"), which is no name anyone may log in with.
            return Optional.empty();
        }
        if (looksLikeMobile(identity)) {
            try {
                Optional<UserEntity> byMobile = IdentityStore.findByMobile(em, phones.normalizeMobile(identity, "login"));
                if (byMobile.isPresent()) {
                    return byMobile;
                }
            } catch (ApiException notAMobile) {
                LOG.trace("login identity is not a mobile number; trying it as a login name");
            }
        }
        return IdentityStore.findByLoginKey(em, identity.toLowerCase(Locale.ROOT));
    }

    /** Login name or mobile + password. */
    private final class PasswordRealm extends AuthenticatingRealm {

        PasswordRealm() {
            super(new ArgonMatcher());
            setName("openpartner-password");
            setAuthenticationTokenClass(UsernamePasswordToken.class);
        }

        @Override
        protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) {
            String identity = ((UsernamePasswordToken) token).getUsername();
            UserEntity user = tx.read(em -> findUser(em, identity)).orElse(null);
            if (user == null || !IdentityStore.ACTIVE.equals(user.getStatus())
                || PasswordHasher.isNone(user.getPasswordHash())) {
                // Spend the same time as a real check before failing.
                decoyHash.matchesPassword(ByteSource.Util.bytes(((UsernamePasswordToken) token).getPassword()));
                throw new UnknownAccountException("unknown or inactive identity, or one without a password");
            }
            return new SimpleAuthenticationInfo(new Principal(user.getId(), user.getEnterpriseId()),
                hasher.parse(user.getPasswordHash()), getName());
        }
    }

    /** Compares a submitted password with a stored Argon2id hash. */
    private static final class ArgonMatcher implements CredentialsMatcher {
        @Override
        public boolean doCredentialsMatch(AuthenticationToken token, AuthenticationInfo info) {
            Hash stored = (Hash) info.getCredentials();
            return stored.matchesPassword(ByteSource.Util.bytes(((UsernamePasswordToken) token).getPassword()));
        }
    }

    /** Bearer tokens: the stored SHA-256 must exist, be unrevoked and unexpired, and its user active. */
    private final class TokenRealm extends AuthenticatingRealm {

        TokenRealm() {
            super(new AllowAllCredentialsMatcher());
            setName("openpartner-token");
            setAuthenticationTokenClass(BearerToken.class);
        }

        @Override
        protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) {
            String raw = ((BearerToken) token).getToken();
            Resolved context = tx.read(em -> {
                AccessTokenEntity entity = em.find(AccessTokenEntity.class, tokens.hash(raw));
                if (entity == null || entity.getRevokedAt() != null || !Instant.now().isBefore(entity.getExpiresAt())) {
                    return null;
                }
                UserEntity user = em.find(UserEntity.class, entity.getUserId());
                if (user == null || !IdentityStore.ACTIVE.equals(user.getStatus())) {
                    return null;
                }
                try {
                    return new Resolved(IdentityStore.contextOf(em, user, entity.getTenantId()), user.isPasswordChangeRequired());
                } catch (ApiException membershipNotActive) {
                    return null;
                }
            });
            if (context == null) {
                throw new IncorrectCredentialsException("invalid token");
            }
            return new SimpleAuthenticationInfo(context, raw, getName());
        }
    }
}
