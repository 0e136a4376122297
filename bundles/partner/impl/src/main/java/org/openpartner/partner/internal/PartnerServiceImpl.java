package org.openpartner.partner.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.openpartner.partner.api.PartnerService;
import org.openpartner.partner.api.dto.ContactInput;
import org.openpartner.partner.api.dto.NewPartner;
import org.openpartner.partner.api.dto.Partner;
import org.openpartner.partner.api.dto.PartnerContact;
import org.openpartner.partner.api.dto.PartnerFilter;
import org.openpartner.partner.api.dto.PartnerInput;
import org.openpartner.partner.api.dto.PartnerProfile;
import org.openpartner.partner.api.dto.PartnerSetup;
import org.openpartner.partner.internal.jpa.PartnerContactEntity;
import org.openpartner.partner.internal.jpa.PartnerEntity;
import org.openpartner.partner.internal.jpa.PartnerSettingsEntity;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.EventPublisher;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.KeysetCursor;
import org.openpartner.platform.api.Names;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.openpartner.platform.api.PhoneNumbers;
import org.openpartner.platform.api.RoleService;
import org.openpartner.platform.api.dto.DomainEvent;
import org.openpartner.platform.api.dto.RoleKind;
import org.openpartner.platform.api.jpa.InLists;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.access.Actions;
import org.openpartner.platform.api.access.ObjectAccess;
import org.openpartner.platform.api.access.RecordAccess;
import org.openpartner.platform.api.access.VisibilityFilter;
import org.openpartner.platform.api.access.VisibleRows;
import org.openpartner.platform.api.jpa.Constraints;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.api.jpa.UnitOfWork;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = PartnerService.class)
public class PartnerServiceImpl implements PartnerService {

    public static final String ROLE_DEALER_PERSONNEL = "dealer-personnel";
    public static final String RECORD_TYPE_PARTNER_CONTACT = "partner-contact";
    static final List<String> CONTACT_LAYOUT = List.of("name", "mobile", "email", "position", "systemAdmin");
    static final Set<String> STATUSES = Set.of("active", "inactive");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_TAGS = 20;

    private final Transactions tx;
    private final EventPublisher events;
    private final RoleService roles;
    private final IdentityService identities;
    private final PhoneNumbers phones;
    private final AccessControl access;
    private final UnitOfWork unitOfWork;

    @Activate
    public PartnerServiceImpl(@Reference(target = "(osgi.unit.name=openpartner-partner)") EntityManagerFactory emf,
                              @Reference EventPublisher events, @Reference RoleService roles,
                              @Reference IdentityService identities, @Reference PhoneNumbers phones,
                              @Reference AccessControl access, @Reference UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.tx = new Transactions(emf);
        this.access = access;
        this.events = events;
        this.roles = roles;
        this.identities = identities;
        this.phones = phones;
    }

    // ---- enabling Partner -------------------------------------------------------------------------------------

    @Override
    public PartnerSetup enable(CallContext ctx) {
        if (!ctx.tenantAdmin()) {
            throw ApiException.forbidden("only an administrator of the enterprise may enable Partner");
        }
        // Each step is idempotent, so a failure part-way is mended by enabling again.
        roles.ensureRole(ctx, CallContext.ROLE_CHANNEL_MANAGER, "Channel Manager", RoleKind.INTERNAL,
            Set.of("partner:*", "partner-contact:*"));
        roles.ensureRole(ctx, ROLE_DEALER_PERSONNEL, "Dealer Personnel", RoleKind.EXTERNAL, Set.of("portal:access"));
        roles.ensureRecordType(ctx, CONTACT_OBJECT, RECORD_TYPE_PARTNER_CONTACT, "Partner Contact", CONTACT_LAYOUT);
        tx.inTransaction(em -> {
            if (em.find(PartnerSettingsEntity.class, ctx.tenantId()) == null) {
                PartnerSettingsEntity settings = new PartnerSettingsEntity();
                settings.setTenantId(ctx.tenantId());
                settings.setEnabledAt(Instant.now());
                settings.setEnabledBy(ctx.userId());
                em.persist(settings);
                events.publish(em, new DomainEvent("partner.enabled", ctx.tenantId(), "PartnerSettings", ctx.tenantId(),
                    ctx.userId(), "Partner enabled", Map.of()));
            }
            return null;
        });
        return setup(ctx);
    }

    @Override
    public PartnerSetup setup(CallContext ctx) {
        requireInternal(ctx);
        PartnerSettingsEntity settings = tx.read(em -> em.find(PartnerSettingsEntity.class, ctx.tenantId()));
        if (settings == null) {
            return new PartnerSetup(false, null, List.of(), List.of());
        }
        List<String> roleKeys = roles.listRoles(ctx).stream().map(r -> r.key())
            .filter(k -> k.equals(CallContext.ROLE_CHANNEL_MANAGER) || k.equals(ROLE_DEALER_PERSONNEL)).toList();
        List<String> types = roles.listRecordTypes(ctx, CONTACT_OBJECT).stream().map(t -> t.key()).toList();
        return new PartnerSetup(true, settings.getEnabledAt(), roleKeys, types);
    }

    // ---- partners ---------------------------------------------------------------------------------------------

    @Override
    public Partner create(CallContext ctx, PartnerInput input) {
        requireManager(ctx);
        // The console owns nothing: its partners start without an owner until one is set.
        ValidPartner valid = validate(ctx, input, ctx.isConsole() ? null : ctx.userId());
        return tx.inTransaction(em -> {
            requireEnabled(em, ctx);
            requireUniqueName(em, ctx.tenantId(), valid.nameKey(), null);
            PartnerEntity p = newPartner(ctx, valid, Instant.now());
            persistUnique(em, p);
            events.publish(em, event("partner.created", ctx, p, "Partner '" + p.getName() + "' created"));
            return toDto(em, p);
        });
    }

    @Override
    public List<Partner> createAll(CallContext ctx, List<NewPartner> partners) {
        requireManager(ctx);
        if (partners == null || partners.isEmpty()) {
            return List.of();
        }
        String defaultOwner = ctx.isConsole() ? null : ctx.userId();
        Set<String> checkedOwners = new HashSet<>();
        List<ValidPartner> valid = new ArrayList<>();
        List<List<ValidContact>> contacts = new ArrayList<>();
        Set<String> nameKeys = new HashSet<>();
        for (NewPartner partner : partners) {
            ValidPartner p = validate(ctx, partner.partner(), defaultOwner, checkedOwners);
            if (!nameKeys.add(p.nameKey())) {
                throw duplicateName();
            }
            valid.add(p);
            List<ValidContact> cs = new ArrayList<>();
            Set<String> mobiles = new HashSet<>();
            for (ContactInput contact : partner.contacts() == null ? List.<ContactInput>of() : partner.contacts()) {
                ValidContact c = validate(contact);
                if (!mobiles.add(c.mobile())) {
                    throw duplicateMobile();
                }
                cs.add(c);
            }
            contacts.add(cs);
        }
        return tx.inTransaction(em -> {
            requireEnabled(em, ctx);
            if (!idsByNameKeys(em, ctx.tenantId(), List.copyOf(nameKeys)).isEmpty()) {
                throw duplicateName();
            }
            Instant now = Instant.now();
            // Partners first, then contacts: the flush writes one JDBC batch per table.
            List<PartnerEntity> created = new ArrayList<>();
            for (int i = 0; i < partners.size(); i++) {
                PartnerEntity p = newPartner(ctx, valid.get(i), now);
                p.setConnectedEnterpriseId(partners.get(i).connectedEnterpriseId());
                p.setOwnerCompanyId(partners.get(i).connectedEnterpriseId());
                em.persist(p);
                created.add(p);
            }
            List<DomainEvent> published = new ArrayList<>();
            for (int i = 0; i < partners.size(); i++) {
                PartnerEntity p = created.get(i);
                published.add(event("partner.created", ctx, p, "Partner '" + p.getName() + "' created"));
                for (ValidContact contact : contacts.get(i)) {
                    PartnerContactEntity c = newContact(ctx, p, contact, now);
                    em.persist(c);
                    published.add(contactEvent("partner.contact.created", ctx, c, "Contact '" + c.getName()
                        + "' added to partner '" + p.getName() + "'"));
                }
                if (p.getConnectedEnterpriseId() != null) {
                    published.add(event("partner.connected", ctx, p, "Partner '" + p.getName() + "' connected"));
                }
            }
            flushUnique(em);
            events.publishAll(em, published);
            List<Partner> result = new ArrayList<>();
            for (int i = 0; i < created.size(); i++) {
                result.add(toDto(created.get(i), contacts.get(i).size()));
            }
            return result;
        });
    }

    @Override
    public Partner get(CallContext ctx, String partnerId) {
        VisibilityFilter visible = readable(ctx, partnerAccess(ctx), null, null);
        return tx.read(em -> toDto(em, visible.bind(em.createQuery("select p from PartnerEntity p where p.id = :id and "
                + visible.jpql(), PartnerEntity.class).setParameter("id", partnerId)).getResultList().stream().findFirst()
            .orElseThrow(() -> ApiException.notFound("Partner"))));
    }

    /**
     * The partners the caller reaches. Channel staff: the tenant's. External users (the Partner object exposed to
     * downstream): those the access model gives them, a connected partner being owned within its own company, so
     * a company scope shows a dealer its company's record and a public scope every connected partner; they may
     * not filter or sort by a field hidden from them.
     */
    private VisibilityFilter readable(CallContext ctx, ObjectAccess mine, PartnerFilter filter, String sortField) {
        if (mine == null) {
            return access.visibleFilter(ctx, OBJECT, "p", RecordAccess.READ);
        }
        if (filter != null) {
            requireVisible(mine, "name", filter.q());
            requireVisible(mine, "type", filter.type());
            requireVisible(mine, "level", filter.level());
            requireVisible(mine, "region", filter.region());
            requireVisible(mine, "status", filter.status());
            requireVisible(mine, "tags", filter.tag());
            requireVisible(mine, "ownerUserId", filter.ownerUserId());
            requireVisible(mine, "connectedEnterpriseId", filter.connected());
        }
        if (sortField != null) {
            requireVisible(mine, sortField, sortField);
        }
        return access.visibleFilter(ctx, OBJECT, "p", RecordAccess.READ);
    }

    /** An external caller's access to partners, which must include view; null for channel staff, who have it all. */
    private ObjectAccess partnerAccess(CallContext ctx) {
        if (!ctx.isExternal()) {
            requireManager(ctx);
            return null;
        }
        ObjectAccess mine = access.access(ctx, OBJECT);
        mine.require(Actions.VIEW);
        return mine;
    }

    /** A filter or sort on a hidden field would tell its values apart: refused, naming the field. */
    private static void requireVisible(ObjectAccess mine, String field, Object used) {
        if (used != null && !mine.isVisible(field)) {
            throw ApiException.forbidden("field_hidden", "you may not filter or sort by " + field, field);
        }
    }

    @Override
    public Partner update(CallContext ctx, String partnerId, PartnerInput input) {
        requireManager(ctx);
        return tx.inTransaction(em -> {
            PartnerEntity p = requirePartner(em, ctx, partnerId);
            ValidPartner valid = validate(ctx, input, p.getOwnerUserId());
            requireVersion(input.version(), p.getVersion());
            requireUniqueName(em, ctx.tenantId(), valid.nameKey(), p.getId());
            Map<String, Object> changed = changes(p, valid);
            apply(p, valid);
            p.setUpdatedAt(Instant.now());
            flushUnique(em);
            events.publish(em, new DomainEvent("partner.updated", ctx.tenantId(), "Partner", p.getId(), ctx.userId(),
                "Partner '" + p.getName() + "' updated", Map.of("changed", String.join(",", changed.keySet()))));
            return toDto(em, p);
        });
    }

    @Override
    public void delete(CallContext ctx, String partnerId) {
        requireManager(ctx);
        // The partner, its contacts and its grants go together.
        unitOfWork.inUnit(() -> tx.inTransaction(em -> {
            PartnerEntity p = requirePartner(em, ctx, partnerId);
            if (p.getConnectedEnterpriseId() != null) {
                throw ApiException.conflict("connected", "partner '" + p.getName()
                    + "' is connected: end its connection before deleting it", "partnerId");
            }
            if (!em.createQuery("select c.id from PartnerEntity c where c.tenantId = :t and c.parentPartnerId = :p",
                    String.class).setParameter("t", ctx.tenantId()).setParameter("p", p.getId()).setMaxResults(1)
                .getResultList().isEmpty()) {
                throw ApiException.conflict("has_child_partners", "partner '" + p.getName()
                    + "' is the parent of other partners: give them another parent first", "partnerId");
            }
            em.createQuery("delete from PartnerContactEntity c where c.tenantId = :t and c.partnerId = :p")
                .setParameter("t", ctx.tenantId()).setParameter("p", p.getId()).executeUpdate();
            em.remove(p);
            events.publish(em, event("partner.deleted", ctx, p, "Partner '" + p.getName() + "' deleted"));
            access.recordDeleted(ctx, OBJECT, p.getId());
            return null;
        }));
    }

    @Override
    public Page<Partner> list(CallContext ctx, PartnerFilter filter, PageRequest page) {
        ObjectAccess mine = partnerAccess(ctx);
        // By name, unless the name is hidden from the caller: then newest first.
        String defaultSort = mine != null && !mine.isVisible("name") ? "-createdAt" : "name";
        String sort = page.sort() == null || page.sort().isBlank() ? defaultSort : page.sort();
        boolean descending = sort.startsWith("-");
        String sortField = descending ? sort.substring(1) : sort;
        if (!SORTS.contains(sortField)) {
            throw ApiException.badRequest("invalid_sort", "sort must be one of " + SORTS + ", optionally prefixed with -", "sort");
        }
        VisibilityFilter visible = readable(ctx, mine, filter, sortField);
        KeysetCursor cursor = KeysetCursor.decode(page.cursor(), sort);
        return tx.read(em -> {
            StringBuilder jpql = new StringBuilder();
            Map<String, Object> params = new LinkedHashMap<>();
            where(filter, jpql, params);
            String column = switch (sortField) {
                case "createdAt" -> "p.createdAt";
                case "updatedAt" -> "p.updatedAt";
                default -> "p.nameKey";
            };
            String cmp = descending ? "<" : ">";
            if (cursor != null) {
                if (sortField.equals("name")) {
                    jpql.append(" and p.nameKey ").append(cmp).append(" :after");
                    params.put("after", cursor.value());
                } else {
                    jpql.append(" and (").append(column).append(' ').append(cmp).append(" :after or (")
                        .append(column).append(" = :after and p.id ").append(cmp).append(" :afterId))");
                    params.put("after", new Date(parseMillis(cursor.value())));
                    params.put("afterId", cursor.id());
                }
            }
            String direction = descending ? " desc" : " asc";
            // Each condition was appended as " and ...".
            String conditions = jpql.length() == 0 ? null : jpql.substring(" and ".length());
            List<PartnerEntity> rows = VisibleRows.first(em, PartnerEntity.class, "p", visible, conditions, params,
                column + direction + ", p.id" + direction, page.limit() + 1);
            boolean more = rows.size() > page.limit();
            List<PartnerEntity> pageRows = more ? rows.subList(0, page.limit()) : rows;
            Map<String, Integer> contactCounts = contactCounts(em, ctx.tenantId(), pageRows);
            List<Partner> items = new ArrayList<>(pageRows.size());
            for (PartnerEntity p : pageRows) {
                items.add(toDto(p, contactCounts.getOrDefault(p.getId(), 0)));
            }
            String next = null;
            if (more) {
                PartnerEntity last = pageRows.get(pageRows.size() - 1);
                String value = switch (sortField) {
                    case "createdAt" -> String.valueOf(last.getCreatedAt().toEpochMilli());
                    case "updatedAt" -> String.valueOf(last.getUpdatedAt().toEpochMilli());
                    default -> last.getNameKey();
                };
                next = new KeysetCursor(sort, value, last.getId()).encode();
            }
            return new Page<>(items, next);
        });
    }

    @Override
    public long count(CallContext ctx, PartnerFilter filter) {
        VisibilityFilter visible = readable(ctx, partnerAccess(ctx), filter, null);
        return tx.read(em -> {
            StringBuilder jpql = new StringBuilder("select count(p) from PartnerEntity p where ").append(visible.jpql());
            Map<String, Object> params = new LinkedHashMap<>(visible.parameters());
            where(filter, jpql, params);
            TypedQuery<Long> query = em.createQuery(jpql.toString(), Long.class);
            params.forEach(query::setParameter);
            return query.getSingleResult();
        });
    }

    @Override
    public Partner markConnected(CallContext ctx, String partnerId, String enterpriseId) {
        requireManager(ctx);
        return tx.inTransaction(em -> {
            PartnerEntity p = requirePartner(em, ctx, partnerId);
            // One conditional statement: of two connections racing for a partner, exactly one sets it.
            int updated = em.createQuery("update PartnerEntity p set p.connectedEnterpriseId = :e, p.ownerCompanyId = :e, "
                    + "p.updatedAt = :now, p.version = p.version + 1 where p.id = :id and p.connectedEnterpriseId is null")
                .setParameter("e", enterpriseId).setParameter("now", new Date()).setParameter("id", p.getId())
                .executeUpdate();
            if (updated == 0) {
                throw ApiException.conflict("already_connected", "partner '" + p.getName() + "' is already connected", "partnerId");
            }
            em.refresh(p);
            events.publish(em, event("partner.connected", ctx, p, "Partner '" + p.getName() + "' connected"));
            return toDto(em, p);
        });
    }

    @Override
    public Partner markDisconnected(CallContext ctx, String partnerId) {
        requireManager(ctx);
        return tx.inTransaction(em -> {
            PartnerEntity p = requirePartner(em, ctx, partnerId);
            if (p.getConnectedEnterpriseId() != null) {
                p.setConnectedEnterpriseId(null);
                p.setOwnerCompanyId(null);
                p.setUpdatedAt(Instant.now());
                events.publish(em, event("partner.disconnected", ctx, p, "Partner '" + p.getName() + "' disconnected"));
            }
            return toDto(em, p);
        });
    }

    @Override
    public Partner recordParent(CallContext ctx, String partnerId, String parentPartnerId) {
        requireManager(ctx);
        return tx.inTransaction(em -> {
            PartnerEntity p = requirePartner(em, ctx, partnerId);
            if (parentPartnerId != null) {
                requirePartner(em, ctx, parentPartnerId);
            }
            if (!Objects.equals(p.getParentPartnerId(), parentPartnerId)) {
                p.setParentPartnerId(parentPartnerId);
                p.setUpdatedAt(Instant.now());
                events.publish(em, new DomainEvent("partner.updated", ctx.tenantId(), "Partner", p.getId(), ctx.userId(),
                    "Partner '" + p.getName() + "' updated", Map.of("changed", "parentPartnerId")));
            }
            return toDto(em, p);
        });
    }

    @Override
    public List<Partner> getAll(CallContext ctx, Collection<String> partnerIds) {
        List<String> ids = partnerIds == null ? List.of() : partnerIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        VisibilityFilter visible = readable(ctx, partnerAccess(ctx), null, null);
        return tx.read(em -> {
            List<PartnerEntity> found = InLists.query(ids, chunk -> visible.bind(em.createQuery(
                    "select p from PartnerEntity p where p.id in :ids and " + visible.jpql(), PartnerEntity.class)
                .setParameter("ids", chunk)).getResultList());
            Map<String, Integer> counts = contactCounts(em, ctx.tenantId(), found);
            return found.stream().map(p -> toDto(p, counts.getOrDefault(p.getId(), 0))).toList();
        });
    }

    @Override
    public Optional<Partner> findByName(CallContext ctx, String name) {
        requireManager(ctx);
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return tx.read(em -> em.createQuery("select p from PartnerEntity p where p.tenantId = :t and p.nameKey = :k",
                PartnerEntity.class)
            .setParameter("t", ctx.tenantId()).setParameter("k", Names.key(name)).setMaxResults(1).getResultList()
            .stream().findFirst().map(p -> toDto(em, p)));
    }

    @Override
    public List<Partner> findByNames(CallContext ctx, Collection<String> names) {
        requireManager(ctx);
        List<String> keys = names == null ? List.of()
            : names.stream().filter(n -> n != null && !n.isBlank()).map(Names::key).distinct().toList();
        if (keys.isEmpty()) {
            return List.of();
        }
        return tx.read(em -> {
            List<PartnerEntity> found = InLists.query(idsByNameKeys(em, ctx.tenantId(), keys), chunk -> em.createQuery(
                    "select p from PartnerEntity p where p.id in :ids", PartnerEntity.class)
                .setParameter("ids", chunk).getResultList());
            Map<String, Integer> counts = contactCounts(em, ctx.tenantId(), found);
            return found.stream().map(p -> toDto(p, counts.getOrDefault(p.getId(), 0))).toList();
        });
    }

    @Override
    public List<Partner> findByCompanies(CallContext ctx, Collection<String> companyIds) {
        requireManager(ctx);
        List<String> ids = companyIds == null ? List.of()
            : companyIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return tx.read(em -> {
            List<PartnerEntity> found = InLists.query(ids, chunk -> em.createQuery("select p from PartnerEntity p "
                    + "where p.tenantId = :t and p.connectedEnterpriseId in :c", PartnerEntity.class)
                .setParameter("t", ctx.tenantId()).setParameter("c", chunk).getResultList());
            Map<String, Integer> counts = contactCounts(em, ctx.tenantId(), found);
            return found.stream().map(p -> toDto(p, counts.getOrDefault(p.getId(), 0))).toList();
        });
    }

    /** Names per lookup: see {@link #idsByNameKeys}. */
    static final int NAMES_PER_LOOKUP = 8;

    /**
     * The ids of the tenant's partners with these name keys, by the unique constraint's leading column alone and in
     * chunks of {@link #NAMES_PER_LOOKUP}; other tenants' partners of the same names are dropped here (only their
     * ids and tenants are read). Both measured on PostgreSQL during a new tenant's first large import, while its
     * statistics still predated the tenant's rows: with the tenant in the query, it estimated one row for the
     * tenant and scanned the tenant's whole index (26 ms per lookup among 19,400 of its partners, instead of 0.7
     * ms); by name alone, the planner's estimate of each name's repetition across tenants (ten rows per name in the
     * benchmark's three tenants sharing names) priced 128, and even 32, index probes above a full scan of a table
     * of 58,000 partners (18 ms). Eight names stay an index lookup while a name's estimated repetition stays under
     * about a thirtieth of the table's pages; the margin grows with the table.
     */
    static List<String> idsByNameKeys(EntityManager em, String tenantId, List<String> keys) {
        List<String> ids = new ArrayList<>();
        for (Object[] row : InLists.query(keys, NAMES_PER_LOOKUP, chunk -> em.createQuery("select p.id, p.tenantId "
                + "from PartnerEntity p where p.nameKey in :k", Object[].class).setParameter("k", chunk).getResultList())) {
            if (tenantId.equals(row[1])) {
                ids.add((String) row[0]);
            }
        }
        return ids;
    }

    @Override
    public PartnerProfile companyProfile(CallContext ctx) {
        if (!ctx.isExternal()) {
            throw ApiException.forbidden("only users of a connected company have a company profile here");
        }
        access.access(ctx, OBJECT).require(Actions.VIEW);
        boolean contactsVisible = access.access(ctx, CONTACT_OBJECT).can(Actions.VIEW);
        return tx.read(em -> {
            PartnerEntity p = em.createQuery("select p from PartnerEntity p where p.tenantId = :t "
                    + "and p.connectedEnterpriseId = :c", PartnerEntity.class)
                .setParameter("t", ctx.tenantId()).setParameter("c", ctx.companyId()).setMaxResults(1).getResultList()
                .stream().findFirst().orElseThrow(() -> ApiException.notFound("Partner"));
            List<PartnerContact> contacts = em.createQuery("select c from PartnerContactEntity c where c.tenantId = :t "
                    + "and c.partnerId = :p order by c.name, c.id", PartnerContactEntity.class)
                .setParameter("t", ctx.tenantId()).setParameter("p", p.getId()).getResultList().stream()
                .map(PartnerServiceImpl::toDto).toList();
            return new PartnerProfile(toDto(p, contacts.size()), contactsVisible ? contacts : List.of());
        });
    }

    // ---- contacts ---------------------------------------------------------------------------------------------

    @Override
    public PartnerContact addContact(CallContext ctx, String partnerId, ContactInput input) {
        requireManager(ctx);
        ValidContact valid = validate(input);
        return tx.inTransaction(em -> {
            PartnerEntity partner = requirePartner(em, ctx, partnerId);
            requireUniqueMobile(em, partner.getId(), valid.mobile(), null);
            PartnerContactEntity c = newContact(ctx, partner, valid, Instant.now());
            em.persist(c);
            flushUnique(em);
            events.publish(em, contactEvent("partner.contact.created", ctx, c, "Contact '" + c.getName()
                + "' added to partner '" + partner.getName() + "'"));
            return toDto(c);
        });
    }

    private static PartnerEntity newPartner(CallContext ctx, ValidPartner valid, Instant now) {
        PartnerEntity p = new PartnerEntity();
        p.setId(Ids.newId());
        p.setTenantId(ctx.tenantId());
        apply(p, valid);
        p.setCreatedAt(now);
        p.setUpdatedAt(now);
        return p;
    }

    private static PartnerContactEntity newContact(CallContext ctx, PartnerEntity partner, ValidContact valid, Instant now) {
        PartnerContactEntity c = new PartnerContactEntity();
        c.setId(Ids.newId());
        c.setTenantId(ctx.tenantId());
        c.setPartnerId(partner.getId());
        c.setRecordType(RECORD_TYPE_PARTNER_CONTACT);
        c.setOwnerUserId(partner.getOwnerUserId());
        apply(c, valid);
        c.setCreatedAt(now);
        c.setUpdatedAt(now);
        return c;
    }

    @Override
    public List<PartnerContact> listContacts(CallContext ctx, String partnerId) {
        requireManager(ctx);
        return tx.read(em -> {
            PartnerEntity partner = requirePartner(em, ctx, partnerId);
            return em.createQuery("select c from PartnerContactEntity c where c.tenantId = :t and c.partnerId = :p "
                    + "order by c.name, c.id", PartnerContactEntity.class)
                .setParameter("t", ctx.tenantId()).setParameter("p", partner.getId()).getResultList()
                .stream().map(PartnerServiceImpl::toDto).toList();
        });
    }

    @Override
    public PartnerContact getContact(CallContext ctx, String partnerId, String contactId) {
        requireManager(ctx);
        return tx.read(em -> toDto(requireContact(em, ctx, partnerId, contactId)));
    }

    @Override
    public PartnerContact updateContact(CallContext ctx, String partnerId, String contactId, ContactInput input) {
        requireManager(ctx);
        ValidContact valid = validate(input);
        return tx.inTransaction(em -> {
            PartnerContactEntity c = requireContact(em, ctx, partnerId, contactId);
            requireVersion(input.version(), c.getVersion());
            requireUniqueMobile(em, c.getPartnerId(), valid.mobile(), c.getId());
            apply(c, valid);
            c.setUpdatedAt(Instant.now());
            flushUnique(em);
            events.publish(em, contactEvent("partner.contact.updated", ctx, c, "Contact '" + c.getName() + "' updated"));
            return toDto(c);
        });
    }

    @Override
    public void deleteContact(CallContext ctx, String partnerId, String contactId) {
        requireManager(ctx);
        tx.inTransaction(em -> {
            PartnerContactEntity c = requireContact(em, ctx, partnerId, contactId);
            em.remove(c);
            events.publish(em, contactEvent("partner.contact.deleted", ctx, c, "Contact '" + c.getName() + "' deleted"));
            return null;
        });
    }

    // ---- rules ------------------------------------------------------------------------------------------------

    record ValidPartner(String name, String nameKey, String type, String level, String ownerUserId, String tags,
                        String region, String status) {
    }

    record ValidContact(String name, String mobile, String email, String position, boolean systemAdmin) {
    }

    ValidPartner validate(CallContext ctx, PartnerInput input, String defaultOwner) {
        return validate(ctx, input, defaultOwner, new HashSet<>());
    }

    /** Validates the input; owners in {@code checkedOwners} are known to exist, and checked ones are added. */
    private ValidPartner validate(CallContext ctx, PartnerInput input, String defaultOwner, Set<String> checkedOwners) {
        if (input == null) {
            throw ApiException.badRequest("required", "a body describing the partner is required", "name");
        }
        String name = Names.require(input.name(), "name", 200);
        String type = optional(input.type(), "type", 64);
        String level = optional(input.level(), "level", 64);
        String region = optional(input.region(), "region", 100);
        String status = input.status() == null ? "active" : input.status().strip().toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw ApiException.badRequest("invalid_status", "status must be one of " + STATUSES, "status");
        }
        String owner = input.ownerUserId() == null || input.ownerUserId().isBlank() ? defaultOwner : input.ownerUserId().strip();
        if (owner != null && !checkedOwners.contains(owner)) {
            try {
                identities.getUser(ctx, owner);
                checkedOwners.add(owner);
            } catch (ApiException e) {
                throw ApiException.unprocessable("invalid_owner", "ownerUserId is not an employee of this enterprise",
                    "ownerUserId");
            }
        }
        return new ValidPartner(name, Names.key(name), type, level, owner, tags(input.tags()), region, status);
    }

    static String tags(List<String> tags) {
        if (tags == null || tags.isEmpty()) {
            return null;
        }
        if (tags.size() > MAX_TAGS) {
            throw ApiException.badRequest("too_many_tags", "at most " + MAX_TAGS + " tags", "tags");
        }
        List<String> clean = new ArrayList<>();
        for (String tag : tags) {
            String t = Names.clean(tag);
            if (t == null || t.isEmpty() || t.length() > 40 || t.contains(",")) {
                throw ApiException.badRequest("invalid_tag", "tags are 1 to 40 characters without commas", "tags");
            }
            if (clean.stream().noneMatch(t::equalsIgnoreCase)) {
                clean.add(t);
            }
        }
        return "," + String.join(",", clean) + ",";
    }

    ValidContact validate(ContactInput input) {
        if (input == null) {
            throw ApiException.badRequest("required", "a body describing the contact is required", "name");
        }
        String name = Names.require(input.name(), "name", 200);
        String mobile = phones.normalizeMobile(input.mobile(), "mobile");
        String email = optional(input.email(), "email", 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw ApiException.badRequest("invalid_email", "email is not a valid e-mail address", "email");
        }
        return new ValidContact(name, mobile, email, optional(input.position(), "position", 100),
            Boolean.TRUE.equals(input.systemAdmin()));
    }

    private static String optional(String value, String field, int max) {
        String clean = Names.clean(value);
        if (clean == null || clean.isEmpty()) {
            return null;
        }
        if (clean.length() > max) {
            throw ApiException.badRequest("too_long", field + " must be at most " + max + " characters", field);
        }
        return clean;
    }

    static void requireManager(CallContext ctx) {
        requireInternal(ctx);
        if (!ctx.tenantAdmin() && !ctx.hasRole(CallContext.ROLE_CHANNEL_MANAGER)) {
            throw ApiException.forbidden("only channel managers and administrators may manage partners");
        }
    }

    static void requireInternal(CallContext ctx) {
        if (!ctx.isInternal()) {
            throw ApiException.forbidden("only employees of the enterprise may manage partners");
        }
    }

    private static void requireEnabled(EntityManager em, CallContext ctx) {
        if (em.find(PartnerSettingsEntity.class, ctx.tenantId()) == null) {
            throw ApiException.conflict("partner_not_enabled", "Partner is not enabled for this enterprise: enable it first", null);
        }
    }

    private static PartnerEntity requirePartner(EntityManager em, CallContext ctx, String partnerId) {
        PartnerEntity p = partnerId == null ? null : em.find(PartnerEntity.class, partnerId);
        if (p == null || !p.getTenantId().equals(ctx.tenantId())) {
            throw ApiException.notFound("Partner");
        }
        return p;
    }

    private static PartnerContactEntity requireContact(EntityManager em, CallContext ctx, String partnerId, String contactId) {
        PartnerEntity partner = requirePartner(em, ctx, partnerId);
        PartnerContactEntity c = contactId == null ? null : em.find(PartnerContactEntity.class, contactId);
        if (c == null || !c.getPartnerId().equals(partner.getId())) {
            throw ApiException.notFound("Contact");
        }
        return c;
    }

    private static void requireVersion(Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw ApiException.conflict("stale_version", "the record was changed by someone else; reload it", "version");
        }
    }

    private static void requireUniqueName(EntityManager em, String tenantId, String nameKey, String exceptId) {
        List<String> ids = em.createQuery("select p.id from PartnerEntity p where p.tenantId = :t and p.nameKey = :k", String.class)
            .setParameter("t", tenantId).setParameter("k", nameKey).getResultList();
        if (ids.stream().anyMatch(id -> !id.equals(exceptId))) {
            throw duplicateName();
        }
    }

    private static void requireUniqueMobile(EntityManager em, String partnerId, String mobile, String exceptId) {
        List<String> ids = em.createQuery("select c.id from PartnerContactEntity c where c.partnerId = :p and c.mobile = :m", String.class)
            .setParameter("p", partnerId).setParameter("m", mobile).getResultList();
        if (ids.stream().anyMatch(id -> !id.equals(exceptId))) {
            throw duplicateMobile();
        }
    }

    private static ApiException duplicateMobile() {
        return ApiException.conflict("duplicate_mobile", "this partner already has a contact with this mobile", "mobile");
    }

    private static ApiException duplicateName() {
        return ApiException.conflict("duplicate_name", "a partner with this name already exists", "name");
    }

    /** Persists and flushes, turning a lost race on the unique name into the same 409 as the check. */
    private static void persistUnique(EntityManager em, PartnerEntity p) {
        em.persist(p);
        flushUnique(em);
    }

    private static void flushUnique(EntityManager em) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (Constraints.violated(e)) {
                throw ApiException.conflict("duplicate", "a record with the same unique values already exists", null);
            }
            throw e;
        }
    }

    private static void where(PartnerFilter filter, StringBuilder jpql, Map<String, Object> params) {
        if (filter == null) {
            return;
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            jpql.append(" and p.nameKey like :q");
            params.put("q", "%" + escapeLike(Names.key(filter.q())) + "%");
        }
        eq(jpql, params, "p.type", "type", filter.type());
        eq(jpql, params, "p.level", "level", filter.level());
        eq(jpql, params, "p.region", "region", filter.region());
        eq(jpql, params, "p.status", "status", filter.status() == null ? null : filter.status().toLowerCase(Locale.ROOT));
        eq(jpql, params, "p.ownerUserId", "owner", filter.ownerUserId());
        if (filter.connected() != null) {
            jpql.append(filter.connected() ? " and p.connectedEnterpriseId is not null" : " and p.connectedEnterpriseId is null");
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            jpql.append(" and p.tags like :tag");
            params.put("tag", "%," + escapeLike(Names.clean(filter.tag())) + ",%");
        }
    }

    private static void eq(StringBuilder jpql, Map<String, Object> params, String column, String param, String value) {
        if (value != null && !value.isBlank()) {
            jpql.append(" and ").append(column).append(" = :").append(param);
            params.put(param, Names.clean(value));
        }
    }

    /** LIKE wildcards in user input match literally. */
    private static String escapeLike(String value) {
        return value.replace("%", "").replace("_", "");
    }

    private static long parseMillis(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_cursor", "cursor does not belong to this list and sort", "cursor");
        }
    }

    private static void apply(PartnerEntity p, ValidPartner v) {
        p.setName(v.name());
        p.setNameKey(v.nameKey());
        p.setType(v.type());
        p.setLevel(v.level());
        p.setOwnerUserId(v.ownerUserId());
        p.setTags(v.tags());
        p.setRegion(v.region());
        p.setStatus(v.status());
    }

    private static void apply(PartnerContactEntity c, ValidContact v) {
        c.setName(v.name());
        c.setMobile(v.mobile());
        c.setEmail(v.email());
        c.setPosition(v.position());
        c.setSystemAdmin(v.systemAdmin());
    }

    private static Map<String, Object> changes(PartnerEntity p, ValidPartner v) {
        Map<String, Object> changed = new LinkedHashMap<>();
        diff(changed, "name", p.getName(), v.name());
        diff(changed, "type", p.getType(), v.type());
        diff(changed, "level", p.getLevel(), v.level());
        diff(changed, "ownerUserId", p.getOwnerUserId(), v.ownerUserId());
        diff(changed, "tags", p.getTags(), v.tags());
        diff(changed, "region", p.getRegion(), v.region());
        diff(changed, "status", p.getStatus(), v.status());
        return changed;
    }

    private static void diff(Map<String, Object> changed, String field, String before, String after) {
        if (before == null ? after != null : !before.equals(after)) {
            changed.put(field, true);
        }
    }

    private static DomainEvent event(String type, CallContext ctx, PartnerEntity p, String summary) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", p.getName());
        if (p.getType() != null) {
            data.put("type", p.getType());
        }
        if (p.getLevel() != null) {
            data.put("level", p.getLevel());
        }
        return new DomainEvent(type, ctx.tenantId(), "Partner", p.getId(), ctx.userId(), summary, data);
    }

    private static DomainEvent contactEvent(String type, CallContext ctx, PartnerContactEntity c, String summary) {
        return new DomainEvent(type, ctx.tenantId(), "PartnerContact", c.getId(), ctx.userId(), summary,
            Map.of("partnerId", c.getPartnerId()));
    }

    private static Map<String, Integer> contactCounts(EntityManager em, String tenantId, List<PartnerEntity> partners) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (partners.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = InLists.query(partners.stream().map(PartnerEntity::getId).toList(), ids -> em.createQuery(
                "select c.partnerId, count(c) from PartnerContactEntity c "
                + "where c.tenantId = :t and c.partnerId in :ids group by c.partnerId", Object[].class)
            .setParameter("t", tenantId).setParameter("ids", ids).getResultList());
        for (Object[] row : rows) {
            counts.put((String) row[0], ((Number) row[1]).intValue());
        }
        return counts;
    }

    private static Partner toDto(EntityManager em, PartnerEntity p) {
        long contacts = em.createQuery("select count(c) from PartnerContactEntity c where c.tenantId = :t and c.partnerId = :p", Long.class)
            .setParameter("t", p.getTenantId()).setParameter("p", p.getId()).getSingleResult();
        return toDto(p, (int) contacts);
    }

    private static Partner toDto(PartnerEntity p, int contactCount) {
        List<String> tags = p.getTags() == null ? List.of()
            : Arrays.stream(p.getTags().split(",")).filter(t -> !t.isEmpty()).toList();
        return new Partner(p.getId(), p.getName(), p.getType(), p.getLevel(), p.getOwnerUserId(), tags, p.getRegion(),
            p.getStatus(), p.getParentPartnerId(), p.getConnectedEnterpriseId(), contactCount, p.getCreatedAt(),
            p.getUpdatedAt(), p.getVersion());
    }

    private static PartnerContact toDto(PartnerContactEntity c) {
        return new PartnerContact(c.getId(), c.getPartnerId(), c.getName(), c.getMobile(), c.getEmail(), c.getPosition(),
            c.isSystemAdmin(), c.getRecordType(), c.getCreatedAt(), c.getUpdatedAt(), c.getVersion());
    }
}
