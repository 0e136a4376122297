package org.openpartner.platform.internal.identity;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.Names;
import org.openpartner.platform.api.PhoneNumbers;
import org.openpartner.platform.api.dto.Enterprise;
import org.openpartner.platform.api.dto.NewUser;
import org.openpartner.platform.api.dto.User;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.internal.jpa.EnterpriseEntity;
import org.openpartner.platform.internal.jpa.UserEntity;
import org.openpartner.platform.internal.security.PasswordHasher;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = {IdentityService.class, IdentityServiceImpl.class})
public class IdentityServiceImpl implements IdentityService {

    private static final Pattern LOGIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{2,99}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Transactions tx;
    private final PhoneNumbers phones;
    private final PasswordHasher hasher = new PasswordHasher();

    @Activate
    public IdentityServiceImpl(@Reference(target = "(osgi.unit.name=openpartner-platform)") EntityManagerFactory emf,
                               @Reference PhoneNumbers phones) {
        this.tx = new Transactions(emf);
        this.phones = phones;
    }

    @Override
    public Enterprise createEnterprise(CallContext ctx, String name, NewUser admin) {
        requirePlatformAdmin(ctx);
        String cleanName = Names.require(name, "name", 200);
        if (admin == null) {
            throw ApiException.badRequest("required", "admin is required", "admin");
        }
        ValidUser validAdmin = validate(admin, "admin.");
        return tx.inTransaction(em -> {
            EnterpriseEntity enterprise = newEnterprise(em, cleanName, false);
            persistUser(em, enterprise.getId(), validAdmin, true, false);
            return IdentityStore.toDto(enterprise);
        });
    }

    /** Used at first start for the platform's own enterprise; no caller context exists yet. */
    public void bootstrapPlatformAdmin(String loginName, String password) {
        ValidUser admin = validate(new NewUser(loginName, null, "Platform administrator", null, password, true), "admin.");
        tx.inTransaction(em -> {
            boolean exists = !em.createQuery("select u.id from UserEntity u where u.platformAdmin = true", String.class)
                .setMaxResults(1).getResultList().isEmpty();
            if (!exists) {
                EnterpriseEntity platform = newEnterprise(em, "OpenPartner Platform", true);
                persistUser(em, platform.getId(), admin, true, true);
            }
            return null;
        });
    }

    public boolean hasPlatformAdmin() {
        return tx.read(em -> !em.createQuery("select u.id from UserEntity u where u.platformAdmin = true", String.class)
            .setMaxResults(1).getResultList().isEmpty());
    }

    @Override
    public List<Enterprise> listEnterprises(CallContext ctx) {
        requirePlatformAdmin(ctx);
        return tx.read(em -> em.createQuery(
                "select e from EnterpriseEntity e where e.platformOwner = false order by e.nameKey", EnterpriseEntity.class)
            .getResultList().stream().map(IdentityStore::toDto).toList());
    }

    @Override
    public Enterprise getEnterprise(CallContext ctx, String enterpriseId) {
        if (!ctx.platformAdmin() && !enterpriseId.equals(ctx.tenantId())) {
            throw ApiException.notFound("Enterprise");
        }
        return tx.read(em -> Optional.ofNullable(em.find(EnterpriseEntity.class, enterpriseId))
            .map(IdentityStore::toDto).orElseThrow(() -> ApiException.notFound("Enterprise")));
    }

    @Override
    public Optional<Enterprise> findEnterprise(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            return Optional.empty();
        }
        return tx.read(em -> {
            EnterpriseEntity byId = em.find(EnterpriseEntity.class, idOrName.strip());
            if (byId != null) {
                return Optional.of(IdentityStore.toDto(byId));
            }
            return em.createQuery("select e from EnterpriseEntity e where e.nameKey = :k", EnterpriseEntity.class)
                .setParameter("k", Names.key(idOrName)).setMaxResults(1).getResultList().stream().findFirst().map(IdentityStore::toDto);
        });
    }

    @Override
    public User createUser(CallContext ctx, NewUser user) {
        requireTenantAdmin(ctx);
        if (user == null) {
            throw ApiException.badRequest("required", "a user is required", null);
        }
        ValidUser valid = validate(user, "");
        return tx.inTransaction(em -> IdentityStore.toDto(em,
            persistUser(em, ctx.tenantId(), valid, Boolean.TRUE.equals(user.tenantAdmin()), false)));
    }

    @Override
    public List<User> listUsers(CallContext ctx) {
        requireInternal(ctx);
        return tx.read(em -> em.createQuery(
                "select u from UserEntity u where u.enterpriseId = :t order by u.name, u.id", UserEntity.class)
            .setParameter("t", ctx.tenantId()).getResultList().stream().map(u -> IdentityStore.toDto(em, u)).toList());
    }

    @Override
    public User getUser(CallContext ctx, String userId) {
        requireInternal(ctx);
        return tx.read(em -> {
            UserEntity user = em.find(UserEntity.class, userId);
            if (user == null || !user.getEnterpriseId().equals(ctx.tenantId())) {
                throw ApiException.notFound("User");
            }
            return IdentityStore.toDto(em, user);
        });
    }

    /** A user's fields after validation and normalisation. */
    record ValidUser(String loginName, String loginKey, String mobile, String name, String email, String password) {
    }

    ValidUser validate(NewUser user, String prefix) {
        return validate(user, prefix, true);
    }

    /** With {@code passwordRequired} false a null password is valid: the user gets none. */
    ValidUser validate(NewUser user, String prefix, boolean passwordRequired) {
        String loginName = user.loginName() == null || user.loginName().isBlank() ? null : user.loginName().strip();
        if (loginName != null && !LOGIN_NAME.matcher(loginName).matches()) {
            throw ApiException.badRequest("invalid_login_name",
                "loginName must be 3 to 100 letters, digits or . _ @ -, starting with a letter or digit", prefix + "loginName");
        }
        String mobile = user.mobile() == null || user.mobile().isBlank() ? null : phones.normalizeMobile(user.mobile(), prefix + "mobile");
        if (loginName == null && mobile == null) {
            throw ApiException.badRequest("required", "loginName or mobile is required", prefix + "loginName");
        }
        String name = Names.require(user.name(), prefix + "name", 200);
        String email = user.email() == null || user.email().isBlank() ? null : user.email().strip();
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw ApiException.badRequest("invalid_email", "email is not a valid e-mail address", prefix + "email");
        }
        String password = user.password();
        if (!passwordRequired && (password == null || password.isEmpty())) {
            password = null;
        } else if (password == null || password.length() < PasswordHasher.MIN_LENGTH || password.length() > PasswordHasher.MAX_LENGTH) {
            throw ApiException.badRequest("invalid_password", "password must be " + PasswordHasher.MIN_LENGTH + " to "
                + PasswordHasher.MAX_LENGTH + " characters", prefix + "password");
        }
        return new ValidUser(loginName, loginName == null ? null : loginName.toLowerCase(Locale.ROOT), mobile, name, email, password);
    }

    EnterpriseEntity newEnterprise(EntityManager em, String name, boolean platformOwner) {
        if (IdentityStore.enterpriseNameTaken(em, name)) {
            throw ApiException.conflict("duplicate_name", "an enterprise with this name already exists", "name");
        }
        return insertEnterprise(em, name, platformOwner);
    }

    /** Persists an enterprise whose name the caller has checked is free. */
    EnterpriseEntity insertEnterprise(EntityManager em, String name, boolean platformOwner) {
        Instant now = Instant.now();
        EnterpriseEntity e = new EnterpriseEntity();
        e.setId(Ids.newId());
        e.setName(name);
        e.setNameKey(Names.key(name));
        e.setStatus(IdentityStore.ACTIVE);
        e.setPlatformOwner(platformOwner);
        e.setCreatedAt(now);
        e.setUpdatedAt(now);
        em.persist(e);
        return e;
    }

    UserEntity persistUser(EntityManager em, String enterpriseId, ValidUser user, boolean tenantAdmin, boolean platformAdmin) {
        if (user.loginKey() != null && IdentityStore.findByLoginKey(em, user.loginKey()).isPresent()) {
            throw ApiException.conflict("login_name_taken", "this login name is already in use", "loginName");
        }
        if (user.mobile() != null && IdentityStore.findByMobile(em, user.mobile()).isPresent()) {
            throw ApiException.conflict("mobile_taken", "this mobile number is already in use", "mobile");
        }
        return insertUser(em, enterpriseId, user, tenantAdmin, platformAdmin);
    }

    String hashOrNone(String password) {
        return hasher.hashOrNone(password);
    }

    /** Persists a user whose login name and mobile the caller has checked are free. */
    UserEntity insertUser(EntityManager em, String enterpriseId, ValidUser user, boolean tenantAdmin, boolean platformAdmin) {
        return insertUser(em, enterpriseId, user, tenantAdmin, platformAdmin, hasher.hashOrNone(user.password()));
    }

    /** {@link #insertUser} with the password's hash already made (several users given the same initial password). */
    UserEntity insertUser(EntityManager em, String enterpriseId, ValidUser user, boolean tenantAdmin, boolean platformAdmin,
                          String passwordHash) {
        Instant now = Instant.now();
        UserEntity u = new UserEntity();
        u.setId(Ids.newId());
        u.setEnterpriseId(enterpriseId);
        u.setLoginName(user.loginName());
        u.setLoginKey(user.loginKey());
        u.setMobile(user.mobile());
        u.setName(user.name());
        u.setEmail(user.email());
        u.setPasswordHash(passwordHash);
        u.setStatus(IdentityStore.ACTIVE);
        u.setTenantAdmin(tenantAdmin);
        u.setPlatformAdmin(platformAdmin);
        u.setCreatedAt(now);
        u.setUpdatedAt(now);
        em.persist(u);
        return u;
    }

    static void requirePlatformAdmin(CallContext ctx) {
        if (!ctx.platformAdmin()) {
            throw ApiException.forbidden("only the platform administrator may do this");
        }
    }

    static void requireTenantAdmin(CallContext ctx) {
        if (!ctx.tenantAdmin()) {
            throw ApiException.forbidden("only an administrator of the enterprise may do this");
        }
    }

    static void requireInternal(CallContext ctx) {
        if (!ctx.isInternal()) {
            throw ApiException.forbidden("only employees of the enterprise may do this");
        }
    }
}
