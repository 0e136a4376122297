package org.openpartner.accounts.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.openpartner.accounts.api.AccountService;
import org.openpartner.accounts.api.dto.Account;
import org.openpartner.accounts.api.dto.AccountContact;
import org.openpartner.accounts.api.dto.AccountContactInput;
import org.openpartner.accounts.api.dto.AccountInput;
import org.openpartner.accounts.internal.jpa.AccountContactEntity;
import org.openpartner.accounts.internal.jpa.AccountEntity;
import org.openpartner.interconnect.api.AppService;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.EventPublisher;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.Names;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.openpartner.platform.api.PhoneNumbers;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.access.Actions;
import org.openpartner.platform.api.access.ObjectAccess;
import org.openpartner.platform.api.access.RecordAccess;
import org.openpartner.platform.api.access.VisibleRecords;
import org.openpartner.platform.api.dto.DomainEvent;
import org.openpartner.platform.api.jpa.Constraints;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.api.jpa.UnitOfWork;
import org.openpartner.pools.api.PoolService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = AccountService.class)
public class AccountServiceImpl implements AccountService {

    /** The interconnection app through which external users work with the upstream's objects. */
    static final String SHARE_PARTNER_APP = "share-partner";
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 100;
    static final int MAX_ADDRESS = 400;
    static final int MAX_REGISTRATION_ID = 40;
    /** Registration and tax ids: letters and digits, with the separators registers print (spaces, dots, dashes, slashes). */
    private static final Pattern REGISTRATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 .\\-/]*");
    private static final Pattern SEPARATORS = Pattern.compile("[ .\\-/]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Transactions tx;
    private final AccessControl access;
    private final AppService apps;
    private final PhoneNumbers phones;
    private final EventPublisher events;
    private final UnitOfWork unitOfWork;
    private final PoolService pools;
    private final VisibleRecords<AccountEntity> records;

    @Activate
    public AccountServiceImpl(@Reference(target = "(osgi.unit.name=openpartner-accounts)") EntityManagerFactory emf,
                              @Reference AccessControl access, @Reference AppService apps,
                              @Reference PhoneNumbers phones, @Reference EventPublisher events,
                              @Reference UnitOfWork unitOfWork, @Reference PoolService pools) {
        this.tx = new Transactions(emf);
        this.access = access;
        this.apps = apps;
        this.phones = phones;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.pools = pools;
        this.records = new VisibleRecords<>(access, OBJECT, AccountEntity.class, "a", "Account", AccountEntity::getId,
            AccountEntity::getCreatedAt);
    }

    @Override
    public Account create(CallContext ctx, AccountInput input) {
        ObjectAccess mine = reader(ctx);
        if (ctx.isConsole()) {
            throw ApiException.forbidden("the console owns no records: create accounts as a user");
        }
        AccountInput given = input == null ? new AccountInput(null, null, null, null, null, null) : input;
        String recordType = mine.requireCreate(given.recordType());
        mine.requireWritable(given(given));
        Valid valid = validate(given, true);
        Instant now = Instant.now();
        return tx.inTransaction(em -> {
            AccountEntity account = new AccountEntity();
            account.setId(Ids.newId());
            account.setTenantId(ctx.tenantId());
            account.setOwnerUserId(ctx.userId());
            account.setOwnerCompanyId(ctx.companyId());
            account.setRegistrationId(null, null);
            valid.applyTo(account);
            account.setRecordType(recordType);
            account.setCreatedBy(ctx.userId());
            account.setCreatedAt(now);
            account.setUpdatedAt(now);
            requireUniqueRegistration(em, ctx, account.getRegistrationKey(), null);
            em.persist(account);
            flushUnique(em);
            events.publish(em, event(ctx, "account.created", account, Map.of()));
            return toDto(account);
        });
    }

    @Override
    public Account get(CallContext ctx, String accountId) {
        reader(ctx).require(Actions.VIEW);
        return new PoolMasks(ctx).apply(tx.read(em -> toDto(find(em, ctx, accountId))));
    }

    @Override
    public Page<Account> list(CallContext ctx, String poolId, PageRequest page) {
        ObjectAccess mine = reader(ctx);
        mine.require(Actions.VIEW);
        // Filtering or ordering by a hidden field would tell its values: without the creation time the list is in
        // id order (the cursor carries the sort key).
        if (poolId != null) {
            mine.requireNotHidden(List.of("poolId"));
        }
        List<String> where = poolId == null ? List.of() : List.of("a.poolId = :pool");
        Map<String, Object> parameters = poolId == null ? Map.of() : Map.of("pool", poolId);
        return tx.read(em -> {
            Page<AccountEntity> rows = records.page(em, ctx, where, parameters, mine.isVisible("createdAt"), page);
            PoolMasks masks = new PoolMasks(ctx);
            return new Page<>(rows.items().stream().map(a -> masks.apply(toDto(a))).toList(), rows.nextCursor());
        });
    }

    @Override
    public Account update(CallContext ctx, String accountId, AccountInput input) {
        ObjectAccess mine = reader(ctx);
        mine.require(Actions.EDIT);
        AccountInput given = input == null ? new AccountInput(null, null, null, null, null, null) : input;
        // The answer is masked as a read is: a writer of a waiting account (a team member) still sees no field it hides.
        return new PoolMasks(ctx).apply(tx.inTransaction(em -> {
            AccountEntity account = findWritable(em, ctx, accountId);
            mine.requireNotHidden(given(given));
            Valid valid = validate(given, false);
            List<String> changed = valid.changed(account);
            mine.requireWritable(changed);
            if (changed.contains("registrationId") && valid.registrationId() != null) {
                requireUniqueRegistration(em, ctx, registrationKey(valid.registrationId()), account.getId());
            }
            valid.applyTo(account);
            account.setUpdatedAt(Instant.now());
            flushUnique(em);
            events.publish(em, event(ctx, "account.updated", account, Map.of("fields", changed)));
            return toDto(account);
        }));
    }

    @Override
    public void delete(CallContext ctx, String accountId) {
        reader(ctx).require(Actions.DELETE);
        // The account, its contacts, its place in a pool and its grants go together.
        unitOfWork.inUnit(() -> tx.inTransaction(em -> {
            AccountEntity account = findWritable(em, ctx, accountId);
            em.createQuery("delete from AccountContactEntity c where c.tenantId = :t and c.accountId = :a")
                .setParameter("t", ctx.tenantId()).setParameter("a", account.getId()).executeUpdate();
            events.publish(em, event(ctx, "account.deleted", account, Map.of()));
            em.remove(account);
            em.flush();
            if (account.getPoolId() != null) {
                pools.removed(ctx, OBJECT, account.getId());
            }
            access.recordDeleted(ctx, OBJECT, account.getId());
            return null;
        }));
    }

    @Override
    public AccountContact addContact(CallContext ctx, String accountId, AccountContactInput input) {
        ObjectAccess mine = reader(ctx);
        mine.require(Actions.EDIT);
        if (ctx.isConsole()) {
            throw ApiException.forbidden("the console owns no records: add contacts as a user");
        }
        AccountContactInput given = input == null ? new AccountContactInput(null, null, null, null) : input;
        String name = Names.require(given.name(), "name", MAX_NAME);
        String title = optional(given.title(), "title", MAX_TEXT);
        String mobile = optional(given.mobile(), "mobile", 40);
        mobile = mobile == null ? null : phones.normalizeMobile(mobile, "mobile");
        String email = email(optional(given.email(), "email", 254));
        String cleanMobile = mobile;
        return tx.inTransaction(em -> {
            AccountEntity account = findWritable(em, ctx, accountId);
            AccountContactEntity contact = new AccountContactEntity();
            contact.setId(Ids.newId());
            contact.setTenantId(ctx.tenantId());
            contact.setAccountId(account.getId());
            contact.setName(name);
            contact.setTitle(title);
            contact.setMobile(cleanMobile);
            contact.setEmail(email);
            contact.setCreatedBy(ctx.userId());
            contact.setCreatedAt(Instant.now());
            em.persist(contact);
            em.flush();
            events.publish(em, event(ctx, "account.contact-added", account, Map.of("contactId", contact.getId())));
            return toDto(contact);
        });
    }

    @Override
    public List<AccountContact> contacts(CallContext ctx, String accountId) {
        reader(ctx).require(Actions.VIEW);
        return tx.read(em -> {
            AccountEntity account = find(em, ctx, accountId);
            if (account.getPoolId() != null && account.getOwnerUserId() == null
                && !pools.hiddenUntilClaimed(ctx, account.getPoolId()).isEmpty()) {
                // A pool that keeps fields of its waiting accounts until claimed keeps their people too: the
                // contacts are what a claim is for. Its admins and the upstream's staff read them (nothing hidden).
                throw ApiException.forbidden("hidden_until_claimed", "the account waits in a pool that shows its "
                    + "contacts to the account's holder: claim it first", "contacts");
            }
            return em.createQuery("select c from AccountContactEntity c where c.accountId = :a and c.tenantId = :t "
                    + "order by c.createdAt, c.id", AccountContactEntity.class)
                .setParameter("a", account.getId()).setParameter("t", ctx.tenantId()).getResultList().stream()
                .map(AccountServiceImpl::toDto).toList();
        });
    }

    /** The caller's access to accounts; an external user reaches them through the SharePartner app. */
    private ObjectAccess reader(CallContext ctx) {
        if (ctx.isExternal()) {
            apps.requireAccess(ctx, SHARE_PARTNER_APP);
        }
        return access.access(ctx, OBJECT);
    }

    /**
     * Refuses a registration id the tenant's accounts already have. The message names the account only when the
     * caller may read it: whoever may not learns that the customer is taken, which S8's duplicate check allows, and
     * nothing of the account.
     */
    private void requireUniqueRegistration(EntityManager em, CallContext ctx, String key, String exceptId) {
        List<String> existing = em.createQuery("select a.id from AccountEntity a where a.registrationKey = :k "
                + "and a.tenantId = :t", String.class)
            .setParameter("k", key).setParameter("t", ctx.tenantId()).getResultList();
        for (String id : existing) {
            if (!id.equals(exceptId)) {
                // Named only to whoever also sees its registration id: naming it confirms the id was that account's.
                boolean readable = records.one(em, ctx, id, RecordAccess.READ)
                    .filter(account -> seesRegistrationId(ctx, account)).isPresent();
                throw ApiException.conflict("duplicate_registration_id", readable
                    ? "account " + id + " has this registration id"
                    : "an account with this registration id exists in the channel", "registrationId");
            }
        }
    }

    /** Whether the caller sees the account's registration id: its roles show it and its pool does not hide it. */
    private boolean seesRegistrationId(CallContext ctx, AccountEntity account) {
        if (!access.access(ctx, OBJECT).isVisible("registrationId")) {
            return false;
        }
        return account.getPoolId() == null || account.getOwnerUserId() != null
            || !pools.hiddenUntilClaimed(ctx, account.getPoolId()).contains("registrationId");
    }

    private static void flushUnique(EntityManager em) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (Constraints.violated(e)) {
                // A concurrent create took the id between the check and the insert.
                throw ApiException.conflict("duplicate_registration_id",
                    "an account with this registration id exists in the channel", "registrationId");
            }
            throw e;
        }
    }

    /** The account if the caller may read it; else "not found", whether it exists or not. */
    private AccountEntity find(EntityManager em, CallContext ctx, String id) {
        return records.readable(em, ctx, id);
    }

    /** The account if the caller may change it; 404 when out of its reach, 403 when it may only read it. */
    private AccountEntity findWritable(EntityManager em, CallContext ctx, String id) {
        return records.writable(em, ctx, id);
    }

    /** Hides from a pool's members the fields its waiting accounts keep until claimed; asks once per pool and answer. */
    private final class PoolMasks {
        private final CallContext ctx;
        private final Map<String, Set<String>> hiddenByPool = new HashMap<>();

        PoolMasks(CallContext ctx) {
            this.ctx = ctx;
        }

        Account apply(Account a) {
            if (a.poolId() == null || a.ownerUserId() != null) {
                return a;
            }
            Set<String> hidden = hiddenByPool.computeIfAbsent(a.poolId(), pool -> pools.hiddenUntilClaimed(ctx, pool));
            return hidden.isEmpty() ? a : new Account(a.id(), hide(hidden, "name", a.name()),
                hide(hidden, "registrationId", a.registrationId()), hide(hidden, "industry", a.industry()),
                hide(hidden, "region", a.region()), hide(hidden, "address", a.address()), a.recordType(),
                a.ownerUserId(), a.ownerCompanyId(), a.poolId(), a.createdBy(), a.createdAt(), a.updatedAt(),
                a.version());
        }

        private static String hide(Set<String> hidden, String field, String value) {
            return hidden.contains(field) ? null : value;
        }
    }

    /** The fields an input sends. */
    static List<String> given(AccountInput input) {
        List<String> fields = new ArrayList<>();
        addIf(fields, "name", input.name());
        addIf(fields, "registrationId", input.registrationId());
        addIf(fields, "industry", input.industry());
        addIf(fields, "region", input.region());
        addIf(fields, "address", input.address());
        return fields;
    }

    private static void addIf(List<String> fields, String field, Object value) {
        if (value != null) {
            fields.add(field);
        }
    }

    /**
     * The key a registration id is unique on: upper case without separators, so "91-3100 00.AB" and "913100 00ab"
     * are one customer.
     */
    static String registrationKey(String registrationId) {
        return SEPARATORS.matcher(registrationId).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** A registration id cleaned and checked, or null when none is given; {@code field} names it in errors. */
    static String registrationId(String value, String field) {
        String cleaned = Names.clean(value);
        if (cleaned == null || cleaned.isEmpty()) {
            return null;
        }
        if (cleaned.length() > MAX_REGISTRATION_ID) {
            throw ApiException.badRequest("too_long", field + " must be at most " + MAX_REGISTRATION_ID
                + " characters", field);
        }
        if (!REGISTRATION_ID.matcher(cleaned).matches() || registrationKey(cleaned).length() < 2) {
            throw ApiException.badRequest("invalid_registration_id", field + " takes letters and digits, with "
                + "spaces, dots, dashes or slashes between them", field);
        }
        return cleaned;
    }

    /**
     * An input's values, cleaned and checked; a field left null stays as it is ({@code clear} lists the optional
     * fields an empty string clears).
     */
    record Valid(String name, String registrationId, String industry, String region, String address,
                 List<String> clear) {

        void applyTo(AccountEntity account) {
            account.setName(name != null ? name : account.getName());
            String id = pick(registrationId, "registrationId", account.getRegistrationId());
            account.setRegistrationId(id, id == null ? null : registrationKey(id));
            account.setIndustry(pick(industry, "industry", account.getIndustry()));
            account.setRegion(pick(region, "region", account.getRegion()));
            account.setAddress(pick(address, "address", account.getAddress()));
        }

        /** The fields applying this would change: sending a value unchanged is no change. */
        List<String> changed(AccountEntity account) {
            List<String> fields = new ArrayList<>();
            changedIf(fields, "name", name, account.getName());
            changedIf(fields, "registrationId", registrationId, account.getRegistrationId());
            changedIf(fields, "industry", industry, account.getIndustry());
            changedIf(fields, "region", region, account.getRegion());
            changedIf(fields, "address", address, account.getAddress());
            return fields;
        }

        private void changedIf(List<String> fields, String field, String value, String stored) {
            if ((value != null && !value.equals(stored)) || (clear.contains(field) && stored != null)) {
                fields.add(field);
            }
        }

        private String pick(String value, String field, String stored) {
            return clear.contains(field) ? null : value != null ? value : stored;
        }
    }

    /** Checks an input: on create the name is required; an empty optional field clears it. */
    static Valid validate(AccountInput input, boolean creating) {
        String name = input.name() == null && !creating ? null : Names.require(input.name(), "name", MAX_NAME);
        List<String> clear = new ArrayList<>();
        String registrationId = null;
        if (input.registrationId() != null) {
            registrationId = registrationId(input.registrationId(), "registrationId");
            if (registrationId == null) {
                clear.add("registrationId");
            }
        }
        return new Valid(name, registrationId, text(input.industry(), "industry", MAX_TEXT, clear),
            text(input.region(), "region", MAX_TEXT, clear), text(input.address(), "address", MAX_ADDRESS, clear),
            clear);
    }

    private static String text(String value, String field, int max, List<String> clear) {
        if (value == null) {
            return null;
        }
        String cleaned = optional(value, field, max);
        if (cleaned == null) {
            clear.add(field);
        }
        return cleaned;
    }

    static String optional(String value, String field, int max) {
        String cleaned = Names.clean(value);
        if (cleaned == null || cleaned.isEmpty()) {
            return null;
        }
        if (cleaned.length() > max) {
            throw ApiException.badRequest("too_long", field + " must be at most " + max + " characters", field);
        }
        return cleaned;
    }

    private static String email(String email) {
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw ApiException.badRequest("invalid_email", "email is not an email address", "email");
        }
        return email;
    }

    static Account toDto(AccountEntity a) {
        return new Account(a.getId(), a.getName(), a.getRegistrationId(), a.getIndustry(), a.getRegion(),
            a.getAddress(), a.getRecordType(), a.getOwnerUserId(), a.getOwnerCompanyId(), a.getPoolId(),
            a.getCreatedBy(), a.getCreatedAt(), a.getUpdatedAt(), a.getVersion());
    }

    static AccountContact toDto(AccountContactEntity c) {
        return new AccountContact(c.getId(), c.getAccountId(), c.getName(), c.getTitle(), c.getMobile(), c.getEmail(),
            c.getCreatedBy(), c.getCreatedAt());
    }

    private static DomainEvent event(CallContext ctx, String type, AccountEntity account, Map<String, Object> data) {
        Map<String, Object> payload = new LinkedHashMap<>(data);
        if (account.getOwnerUserId() != null) {
            payload.put("ownerUserId", account.getOwnerUserId());
        }
        if (account.getOwnerCompanyId() != null) {
            payload.put("ownerCompanyId", account.getOwnerCompanyId());
        }
        return new DomainEvent(type, ctx.tenantId(), "Account", account.getId(), ctx.userId(),
            type.substring("account.".length()).replace('-', ' ') + ": account " + account.getId(), payload);
    }
}
