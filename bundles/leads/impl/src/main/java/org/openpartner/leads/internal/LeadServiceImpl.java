package org.openpartner.leads.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.openpartner.accounts.api.AccountService;
import org.openpartner.accounts.api.dto.AccountContact;
import org.openpartner.accounts.api.dto.AccountContactInput;
import org.openpartner.accounts.api.dto.AccountInput;
import org.openpartner.interconnect.api.AppService;
import org.openpartner.leads.api.LeadService;
import org.openpartner.leads.api.dto.ConversionInput;
import org.openpartner.leads.api.dto.FollowUp;
import org.openpartner.leads.api.dto.FollowUpInput;
import org.openpartner.leads.api.dto.FollowUpKind;
import org.openpartner.leads.api.dto.Lead;
import org.openpartner.leads.api.dto.LeadConversion;
import org.openpartner.leads.api.dto.LeadImport;
import org.openpartner.leads.api.dto.LeadInput;
import org.openpartner.leads.api.dto.LeadStatus;
import org.openpartner.leads.api.dto.OpportunityDraft;
import org.openpartner.leads.api.dto.StatusChange;
import org.openpartner.leads.internal.jpa.LeadConversionEntity;
import org.openpartner.leads.internal.jpa.FollowUpEntity;
import org.openpartner.leads.internal.jpa.LeadEntity;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.CsvTable;
import org.openpartner.platform.api.EventPublisher;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.Names;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.openpartner.platform.api.PhoneNumbers;
import org.openpartner.platform.api.SpreadsheetCells;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.access.Actions;
import org.openpartner.platform.api.access.FieldAccess;
import org.openpartner.platform.api.access.ObjectAccess;
import org.openpartner.platform.api.access.VisibleRecords;
import org.openpartner.platform.api.dto.DomainEvent;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.api.jpa.UnitOfWork;
import org.openpartner.pools.api.PoolService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = LeadService.class)
public class LeadServiceImpl implements LeadService {

    /** The interconnection app through which external users work with the upstream's objects. */
    static final String SHARE_PARTNER_APP = "share-partner";
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 100;
    static final int MAX_REASON = 500;
    static final int MAX_NOTE = 4000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Clocks of phones and servers disagree a little; a follow-up further ahead is refused. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Instant EARLIEST_FOLLOW_UP = Instant.parse("1900-01-01T00:00:00Z");

    private final Transactions tx;
    private final AccessControl access;
    private final AppService apps;
    private final PhoneNumbers phones;
    private final EventPublisher events;
    private final UnitOfWork unitOfWork;
    private final PoolService pools;
    private final AccountService accounts;
    private final VisibleRecords<LeadEntity> records;

    @Activate
    public LeadServiceImpl(@Reference(target = "(osgi.unit.name=openpartner-leads)") EntityManagerFactory emf,
                           @Reference AccessControl access, @Reference AppService apps, @Reference PhoneNumbers phones,
                           @Reference EventPublisher events, @Reference UnitOfWork unitOfWork,
                           @Reference PoolService pools, @Reference AccountService accounts) {
        this.tx = new Transactions(emf);
        this.access = access;
        this.apps = apps;
        this.phones = phones;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.pools = pools;
        this.accounts = accounts;
        this.records = new VisibleRecords<>(access, OBJECT, LeadEntity.class, "l", "Lead", LeadEntity::getId,
            LeadEntity::getCreatedAt);
    }

    @Override
    public Lead create(CallContext ctx, LeadInput input) {
        ObjectAccess mine = reader(ctx);
        if (ctx.isConsole()) {
            throw ApiException.forbidden("the console owns no records: create leads as a user");
        }
        LeadInput given = input == null ? new LeadInput(null, null, null, null, null, null, null, null) : input;
        String recordType = mine.requireCreate(given.recordType());
        mine.requireWritable(given(given));
        Valid valid = validate(given, true, phones);
        Instant now = Instant.now();
        return tx.inTransaction(em -> {
            LeadEntity lead = newLead(ctx, valid, recordType, now);
            em.persist(lead);
            em.flush();
            events.publish(em, event(ctx, "lead.created", lead, Map.of("status", lead.getStatus())));
            return toDto(lead);
        });
    }

    @Override
    public Lead get(CallContext ctx, String leadId) {
        reader(ctx).require(Actions.VIEW);
        return new PoolMasks(ctx).apply(tx.read(em -> toDto(find(em, ctx, leadId))));
    }

    @Override
    public Page<Lead> list(CallContext ctx, LeadStatus status, String poolId, PageRequest page) {
        ObjectAccess mine = reader(ctx);
        mine.require(Actions.VIEW);
        // Filtering or ordering by a hidden field would tell its values: a hidden status is no filter, and without
        // the creation time the list is in id order (the cursor carries the sort key).
        if (status != null) {
            mine.requireNotHidden(List.of("status"));
        }
        if (poolId != null) {
            mine.requireNotHidden(List.of("poolId"));
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (status != null) {
            where.add("l.status = :status");
            parameters.put("status", status.name());
        }
        if (poolId != null) {
            where.add("l.poolId = :pool");
            parameters.put("pool", poolId);
        }
        return tx.read(em -> {
            Page<LeadEntity> rows = records.page(em, ctx, where, parameters, mine.isVisible("createdAt"), page);
            PoolMasks masks = new PoolMasks(ctx);
            return new Page<>(rows.items().stream().map(l -> masks.apply(toDto(l))).toList(), rows.nextCursor());
        });
    }

    @Override
    public Lead update(CallContext ctx, String leadId, LeadInput input) {
        ObjectAccess mine = reader(ctx);
        mine.require(Actions.EDIT);
        LeadInput given = input == null ? new LeadInput(null, null, null, null, null, null, null, null) : input;
        // The answer is masked as a read is: a writer of a waiting lead (a team member) still sees no field it hides.
        return new PoolMasks(ctx).apply(tx.inTransaction(em -> {
            LeadEntity lead = findWritable(em, ctx, leadId);
            mine.requireNotHidden(given(given));
            requireOpen(lead);
            Valid valid = validate(given, false, phones);
            List<String> changed = valid.changed(lead);
            mine.requireWritable(changed);
            valid.applyTo(lead);
            lead.setUpdatedAt(Instant.now());
            em.flush();
            events.publish(em, event(ctx, "lead.updated", lead, Map.of("fields", changed)));
            return toDto(lead);
        }));
    }

    @Override
    public Lead changeStatus(CallContext ctx, String leadId, StatusChange change) {
        ObjectAccess mine = reader(ctx);
        mine.require(Actions.EDIT);
        if (change == null || change.status() == null) {
            throw ApiException.badRequest("required", "status is INVALID or VOIDED", "status");
        }
        if (change.status() != LeadStatus.INVALID && change.status() != LeadStatus.VOIDED) {
            throw ApiException.badRequest("invalid_status", "a lead is marked INVALID or VOIDED here; claiming, "
                + "returning and converting have their own actions", "status");
        }
        String reason = change.reason() == null ? "" : change.reason().strip();
        if (reason.isEmpty()) {
            throw ApiException.badRequest("required", "reason is required", "reason");
        }
        if (reason.length() > MAX_REASON) {
            throw ApiException.badRequest("too_long", "reason must be at most " + MAX_REASON + " characters", "reason");
        }
        // A pooled lead that closes stops counting as held (unless its pool counts closed leads): one unit.
        return new PoolMasks(ctx).apply(unitOfWork.inUnit(() -> tx.inTransaction(em -> {
            LeadEntity lead = findWritable(em, ctx, leadId);
            requireOpen(lead);
            String before = lead.getStatus();
            lead.setStatus(change.status().name());
            lead.setStatusReason(reason);
            lead.setUpdatedAt(Instant.now());
            em.flush();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("from", before);
            data.put("to", lead.getStatus());
            data.put("reason", reason);
            events.publish(em, event(ctx, "lead.status-changed", lead, data));
            if (lead.getPoolId() != null) {
                pools.closed(ctx, OBJECT, lead.getId());
            }
            return toDto(lead);
        })));
    }

    @Override
    public void delete(CallContext ctx, String leadId) {
        reader(ctx).require(Actions.DELETE);
        // The lead, its follow-ups and its grants go together.
        unitOfWork.inUnit(() -> tx.inTransaction(em -> {
            LeadEntity lead = findWritable(em, ctx, leadId);
            em.createQuery("delete from FollowUpEntity f where f.tenantId = :t and f.leadId = :l")
                .setParameter("t", ctx.tenantId()).setParameter("l", lead.getId()).executeUpdate();
            events.publish(em, event(ctx, "lead.deleted", lead, Map.of()));
            em.remove(lead);
            em.flush();
            if (lead.getPoolId() != null) {
                pools.removed(ctx, OBJECT, lead.getId());
            }
            access.recordDeleted(ctx, OBJECT, lead.getId());
            return null;
        }));
    }

    @Override
    public FollowUp addFollowUp(CallContext ctx, String leadId, FollowUpInput input) {
        ObjectAccess mine = reader(ctx);
        mine.require(Actions.EDIT);
        if (ctx.isConsole()) {
            throw ApiException.forbidden("the console follows up no leads: record follow-ups as a user");
        }
        if (input == null || input.kind() == null) {
            throw ApiException.badRequest("required", "kind is CALL, VISIT or NOTE", "kind");
        }
        String note = input.note() == null ? null : input.note().strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw ApiException.badRequest("too_long", "note must be at most " + MAX_NOTE + " characters", "note");
        }
        if (input.kind() == FollowUpKind.NOTE && (note == null || note.isEmpty())) {
            throw ApiException.badRequest("required", "a note needs its text", "note");
        }
        Instant now = Instant.now();
        Instant at = input.at() == null ? now : input.at();
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw ApiException.badRequest("in_future", "at may not lie in the future", "at");
        }
        if (at.isBefore(EARLIEST_FOLLOW_UP)) {
            // Both databases store years 1 to 9999 at least; no follow-up is older than the product's users.
            throw ApiException.badRequest("too_early", "at may not lie before " + EARLIEST_FOLLOW_UP, "at");
        }
        return tx.inTransaction(em -> {
            LeadEntity lead = findWritable(em, ctx, leadId);
            requireOpen(lead);
            FollowUpEntity followUp = new FollowUpEntity();
            followUp.setId(Ids.newId());
            followUp.setTenantId(ctx.tenantId());
            followUp.setLeadId(lead.getId());
            followUp.setKind(input.kind().name());
            followUp.setNote(note == null || note.isEmpty() ? null : note);
            followUp.setAt(at);
            followUp.setCreatedBy(ctx.userId());
            followUp.setCreatedByCompanyId(ctx.companyId());
            em.persist(followUp);
            if (lead.getLastFollowUpAt() == null || at.isAfter(lead.getLastFollowUpAt())) {
                lead.setLastFollowUpAt(at);
            }
            if (LeadStatus.ASSIGNED.name().equals(lead.getStatus())) {
                lead.setStatus(LeadStatus.FOLLOWING.name());
            }
            lead.setUpdatedAt(now);
            em.flush();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("kind", followUp.getKind());
            data.put("at", at.toString());
            events.publish(em, event(ctx, "lead.followed-up", lead, data));
            return toDto(followUp);
        });
    }

    @Override
    public List<FollowUp> followUps(CallContext ctx, String leadId) {
        ObjectAccess mine = reader(ctx);
        mine.require(Actions.VIEW);
        // The follow-ups' times are the lead's last follow-up time, which the caller's roles may hide.
        mine.requireNotHidden(List.of("lastFollowUpAt"));
        return tx.read(em -> {
            LeadEntity lead = find(em, ctx, leadId);
            // The owner's company and the upstream read every follow-up; a user of another company that works the
            // lead (a team or partner team) reads its colleagues' and the upstream's, not a third company's work.
            boolean outsider = ctx.isExternal() && !ctx.companyId().equals(lead.getOwnerCompanyId());
            TypedQuery<FollowUpEntity> query = em.createQuery("select f from FollowUpEntity f where f.leadId = :l "
                + "and f.tenantId = :t" + (outsider ? " and (f.createdByCompanyId is null or f.createdByCompanyId = :c)"
                : "") + " order by f.at desc, f.id desc", FollowUpEntity.class)
                .setParameter("l", lead.getId()).setParameter("t", ctx.tenantId());
            if (outsider) {
                query.setParameter("c", ctx.companyId());
            }
            return query.getResultList().stream().map(LeadServiceImpl::toDto).toList();
        });
    }

    @Override
    public LeadConversion convert(CallContext ctx, String leadId, ConversionInput input) {
        ObjectAccess mine = reader(ctx);
        mine.require(LeadObject.CONVERT);
        if (ctx.isConsole()) {
            throw ApiException.forbidden("the console converts no leads: convert them as a user");
        }
        ConversionInput given = input == null ? new ConversionInput(null, null, null, null) : input;
        String accountId = given.accountId() == null || given.accountId().isBlank() ? null : given.accountId().strip();
        if (accountId != null && given.account() != null) {
            throw ApiException.badRequest("ambiguous_account", "give accountId (an existing account) or account (a new "
                + "one), not both", "account");
        }
        OpportunityDraft opportunity = validOpportunity(given.opportunity());
        // The account's, the contact's and the lead's writes commit together or not at all.
        return unitOfWork.inUnit(() -> tx.inTransaction(em -> {
            LeadEntity lead = findWritable(em, ctx, leadId);
            requireOpen(lead);
            if (lead.getPoolId() != null && lead.getOwnerUserId() == null) {
                // A waiting lead is anyone's to claim, under the pool's caps: converting it would take it around them
                // (and copy the fields it hides until claimed).
                throw ApiException.conflict("lead_waiting", "the lead waits in a pool: claim it, or have it assigned, "
                    + "before converting it", "id");
            }
            String account = accountId != null ? accounts.get(ctx, accountId).id()
                : accounts.create(ctx, accountFrom(ctx, mine, lead, given.account())).id();
            AccountContact contact = accounts.addContact(ctx, account, contactFrom(mine, lead, given.contact()));
            Instant now = Instant.now();
            LeadConversionEntity conversion = new LeadConversionEntity();
            conversion.setLeadId(lead.getId());
            conversion.setTenantId(ctx.tenantId());
            conversion.setAccountId(account);
            conversion.setContactId(contact.id());
            if (opportunity != null) {
                conversion.setOpportunityName(opportunity.name());
                conversion.setOpportunityAmount(opportunity.amount());
                conversion.setOpportunityCloseDate(opportunity.expectedCloseDate());
            }
            conversion.setConvertedBy(ctx.userId());
            conversion.setConvertedAt(now);
            em.persist(conversion);
            lead.setStatus(LeadStatus.CONVERTED.name());
            lead.setStatusReason(null);
            lead.setUpdatedAt(now);
            em.flush();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("accountId", account);
            data.put("contactId", contact.id());
            if (opportunity != null) {
                Map<String, Object> draft = new LinkedHashMap<>();
                draft.put("name", opportunity.name());
                if (opportunity.amount() != null) {
                    draft.put("amount", opportunity.amount().toPlainString());
                }
                if (opportunity.expectedCloseDate() != null) {
                    draft.put("expectedCloseDate", opportunity.expectedCloseDate().toString());
                }
                data.put("opportunity", draft);
            }
            events.publish(em, event(ctx, "lead.converted", lead, data));
            if (lead.getPoolId() != null) {
                pools.closed(ctx, OBJECT, lead.getId());
            }
            return toDto(conversion);
        }));
    }

    @Override
    public Optional<LeadConversion> conversion(CallContext ctx, String leadId) {
        reader(ctx).require(Actions.VIEW);
        return tx.read(em -> {
            LeadEntity lead = find(em, ctx, leadId);
            return Optional.ofNullable(em.find(LeadConversionEntity.class, lead.getId()))
                .filter(c -> c.getTenantId().equals(ctx.tenantId())).map(LeadServiceImpl::toDto);
        });
    }

    /**
     * The new account: what the caller gave, else the lead's prospect (its company, else its name; region; industry).
     * A lead field is copied only if the caller sees it and may write the account's field, so a conversion neither
     * reveals what the caller's roles hide nor fails on a field it did not ask for.
     */
    private AccountInput accountFrom(CallContext ctx, ObjectAccess leadAccess, LeadEntity lead, AccountInput given) {
        ObjectAccess accountAccess = access.access(ctx, AccountService.OBJECT);
        AccountInput in = given == null ? new AccountInput(null, null, null, null, null, null) : given;
        String prospect = copy(leadAccess, "companyName", lead.getCompanyName(), accountAccess, "name");
        return new AccountInput(
            in.name() != null ? in.name() : prospect != null ? prospect : copy(leadAccess, "name", lead.getName(),
                accountAccess, "name"),
            in.registrationId(),
            in.industry() != null ? in.industry() : copy(leadAccess, "industry", lead.getIndustry(), accountAccess,
                "industry"),
            in.region() != null ? in.region() : copy(leadAccess, "region", lead.getRegion(), accountAccess, "region"),
            in.address(), in.recordType());
    }

    /** The contact: what the caller gave, else the lead's person, field by field as far as the caller sees them. */
    private static AccountContactInput contactFrom(ObjectAccess leadAccess, LeadEntity lead, AccountContactInput given) {
        AccountContactInput in = given == null ? new AccountContactInput(null, null, null, null) : given;
        return new AccountContactInput(in.name() != null ? in.name() : visible(leadAccess, "name", lead.getName()),
            in.title(), in.mobile() != null ? in.mobile() : visible(leadAccess, "mobile", lead.getMobile()),
            in.email() != null ? in.email() : visible(leadAccess, "email", lead.getEmail()));
    }

    private static String copy(ObjectAccess from, String field, String value, ObjectAccess to, String toField) {
        return to.field(toField) == FieldAccess.READ_WRITE ? visible(from, field, value) : null;
    }

    private static String visible(ObjectAccess access, String field, String value) {
        return access.isVisible(field) ? value : null;
    }

    static OpportunityDraft validOpportunity(OpportunityDraft draft) {
        if (draft == null) {
            return null;
        }
        String name = Names.require(draft.name(), "opportunity.name", MAX_NAME);
        java.math.BigDecimal amount = draft.amount();
        if (amount != null) {
            if (amount.signum() < 0) {
                throw ApiException.badRequest("negative", "opportunity.amount may not be negative", "opportunity.amount");
            }
            if (amount.stripTrailingZeros().scale() > 2 || amount.precision() - amount.scale() > 16) {
                throw ApiException.badRequest("invalid_amount", "opportunity.amount has at most 16 digits before the "
                    + "point and 2 after it", "opportunity.amount");
            }
            amount = amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
        }
        return new OpportunityDraft(name, amount, draft.expectedCloseDate());
    }

    static LeadConversion toDto(LeadConversionEntity c) {
        OpportunityDraft opportunity = c.getOpportunityName() == null ? null
            : new OpportunityDraft(c.getOpportunityName(), c.getOpportunityAmount(), c.getOpportunityCloseDate());
        return new LeadConversion(c.getLeadId(), c.getAccountId(), c.getContactId(), opportunity, c.getOpportunityId(),
            c.getConvertedBy(), c.getConvertedAt());
    }

    @Override
    public LeadImport importCsv(CallContext ctx, InputStream csv) {
        ObjectAccess mine = reader(ctx);
        mine.require(Actions.IMPORT);
        mine.require(Actions.CREATE);
        if (ctx.isConsole()) {
            throw ApiException.forbidden("the console owns no records: import leads as a user");
        }
        CsvTable read = LeadCsv.READER.read(csv);
        // Columns the caller may not write refuse the whole file, naming the column, before any value is read.
        List<String> columns = new ArrayList<>(read.fields());
        columns.remove("recordType");
        try {
            mine.requireWritable(columns);
        } catch (ApiException refused) {
            throw new ApiException(refused.status(), refused.code(), refused.getMessage(), refused.field(), 1);
        }
        List<LeadImport.RejectedRow> rejected = new ArrayList<>();
        List<Map.Entry<Valid, String>> valid = new ArrayList<>();
        for (CsvTable.Row row : read.rows()) {
            try {
                read.requireFits(row);
                LeadInput input = LeadCsv.input(row);
                String recordType = mine.requireCreate(input.recordType());
                valid.add(Map.entry(validate(input, true, phones), recordType));
            } catch (ApiException e) {
                rejected.add(new LeadImport.RejectedRow(row.line(), e.field(), e.code(), e.getMessage()));
            }
        }
        if (!rejected.isEmpty() || valid.isEmpty()) {
            return new LeadImport(0, rejected);
        }
        Instant now = Instant.now();
        return tx.inTransaction(em -> {
            List<DomainEvent> created = new ArrayList<>();
            for (Map.Entry<Valid, String> row : valid) {
                LeadEntity lead = newLead(ctx, row.getKey(), row.getValue(), now);
                em.persist(lead);
                created.add(event(ctx, "lead.created", lead, Map.of("status", lead.getStatus(), "imported", true)));
            }
            em.flush();
            events.publishAll(em, created);
            return new LeadImport(valid.size(), List.of());
        });
    }

    @Override
    public Consumer<OutputStream> exportCsv(CallContext ctx, LeadStatus status) {
        ObjectAccess mine = reader(ctx);
        mine.require(Actions.VIEW);
        mine.require(Actions.EXPORT);
        if (status != null) {
            mine.requireNotHidden(List.of("status"));
        }
        List<String> columns = LeadCsv.EXPORTABLE.stream().filter(mine::isVisible).toList();
        return out -> writeCsv(ctx, status, columns, out);
    }

    private void writeCsv(CallContext ctx, LeadStatus status, List<String> columns, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader(columns.toArray(String[]::new)).build());
            String cursor = null;
            do {
                Page<Lead> page = list(ctx, status, new PageRequest(PageRequest.MAX_LIMIT, cursor, null));
                for (Lead lead : page.items()) {
                    Map<String, Object> values = LeadCsv.values(lead);
                    List<String> cells = new ArrayList<>();
                    for (String column : columns) {
                        Object value = values.get(column);
                        cells.add(SpreadsheetCells.neutralize(value == null ? null : value.toString()));
                    }
                    printer.printRecord(cells);
                }
                cursor = page.nextCursor();
            } while (cursor != null);
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The caller's access to leads; an external user reaches them through the SharePartner app. */
    private ObjectAccess reader(CallContext ctx) {
        if (ctx.isExternal()) {
            apps.requireAccess(ctx, SHARE_PARTNER_APP);
        }
        return access.access(ctx, OBJECT);
    }

    /** The lead if the caller may read it; else "not found", whether it exists or not. */
    private LeadEntity find(EntityManager em, CallContext ctx, String id) {
        return records.readable(em, ctx, id);
    }

    /** The lead if the caller may change it; 404 when out of its reach, 403 when it may only read it. */
    private LeadEntity findWritable(EntityManager em, CallContext ctx, String id) {
        return records.writable(em, ctx, id);
    }

    /** A new lead owned by the caller (and its company), assigned to it. */
    private static LeadEntity newLead(CallContext ctx, Valid valid, String recordType, Instant now) {
        LeadEntity lead = new LeadEntity();
        lead.setId(Ids.newId());
        lead.setTenantId(ctx.tenantId());
        lead.setOwnerUserId(ctx.userId());
        lead.setOwnerCompanyId(ctx.companyId());
        valid.applyTo(lead);
        lead.setStatus(LeadStatus.ASSIGNED.name());
        lead.setRecordType(recordType);
        lead.setCreatedBy(ctx.userId());
        lead.setCreatedAt(now);
        lead.setUpdatedAt(now);
        return lead;
    }

    static boolean isClosed(LeadStatus status) {
        return status == LeadStatus.CONVERTED || status == LeadStatus.INVALID || status == LeadStatus.VOIDED;
    }

    private static void requireOpen(LeadEntity lead) {
        if (isClosed(LeadStatus.valueOf(lead.getStatus()))) {
            // Not naming the status: the caller's roles may hide it.
            throw ApiException.conflict("lead_closed", "the lead is closed and takes no more changes", "id");
        }
    }

    /**
     * Hides from a pool's members the fields its waiting leads keep until claimed; asks the pool engine once per pool
     * and answer.
     */
    private final class PoolMasks {
        private final CallContext ctx;
        private final Map<String, Set<String>> hiddenByPool = new HashMap<>();

        PoolMasks(CallContext ctx) {
            this.ctx = ctx;
        }

        Lead apply(Lead lead) {
            if (lead.poolId() == null || lead.ownerUserId() != null) {
                return lead;
            }
            Set<String> hidden = hiddenByPool.computeIfAbsent(lead.poolId(), pool -> pools.hiddenUntilClaimed(ctx, pool));
            return hidden.isEmpty() ? lead : new Lead(lead.id(), hide(hidden, "name", lead.name()),
                hide(hidden, "companyName", lead.companyName()), hide(hidden, "mobile", lead.mobile()),
                hide(hidden, "email", lead.email()), hide(hidden, "source", lead.source()),
                hide(hidden, "region", lead.region()), hide(hidden, "industry", lead.industry()), lead.status(),
                lead.statusReason(), lead.recordType(), lead.ownerUserId(), lead.ownerCompanyId(), lead.poolId(),
                lead.lastFollowUpAt(), lead.createdBy(), lead.createdAt(), lead.updatedAt(), lead.version());
        }

        private static String hide(Set<String> hidden, String field, String value) {
            return hidden.contains(field) ? null : value;
        }
    }

    /** The fields an input sends. */
    static List<String> given(LeadInput input) {
        List<String> fields = new ArrayList<>();
        addIf(fields, "name", input.name());
        addIf(fields, "companyName", input.companyName());
        addIf(fields, "mobile", input.mobile());
        addIf(fields, "email", input.email());
        addIf(fields, "source", input.source());
        addIf(fields, "region", input.region());
        addIf(fields, "industry", input.industry());
        return fields;
    }

    private static void addIf(List<String> fields, String field, Object value) {
        if (value != null) {
            fields.add(field);
        }
    }

    /**
     * An input's values, cleaned and checked; a field left null stays as it is ({@code clear} lists the optional
     * fields an empty string clears).
     */
    record Valid(String name, String companyName, String mobile, String email, String source, String region,
                 String industry, List<String> clear) {

        void applyTo(LeadEntity lead) {
            lead.setName(name != null ? name : lead.getName());
            lead.setCompanyName(pick(companyName, "companyName", lead.getCompanyName()));
            lead.setMobile(pick(mobile, "mobile", lead.getMobile()));
            lead.setEmail(pick(email, "email", lead.getEmail()));
            lead.setSource(pick(source, "source", lead.getSource()));
            lead.setRegion(pick(region, "region", lead.getRegion()));
            lead.setIndustry(pick(industry, "industry", lead.getIndustry()));
        }

        /** The fields applying this would change: sending a value unchanged is no change. */
        List<String> changed(LeadEntity lead) {
            List<String> fields = new ArrayList<>();
            changedIf(fields, "name", name, lead.getName());
            changedIf(fields, "companyName", companyName, lead.getCompanyName());
            changedIf(fields, "mobile", mobile, lead.getMobile());
            changedIf(fields, "email", email, lead.getEmail());
            changedIf(fields, "source", source, lead.getSource());
            changedIf(fields, "region", region, lead.getRegion());
            changedIf(fields, "industry", industry, lead.getIndustry());
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
    static Valid validate(LeadInput input, boolean creating, PhoneNumbers phones) {
        String name = input.name() == null && !creating ? null : Names.require(input.name(), "name", MAX_NAME);
        List<String> clear = new ArrayList<>();
        String companyName = text(input.companyName(), "companyName", MAX_NAME, clear);
        String mobile = text(input.mobile(), "mobile", 40, clear);
        if (mobile != null) {
            mobile = phones.normalizeMobile(mobile, "mobile");
        }
        String email = text(input.email(), "email", 254, clear);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw ApiException.badRequest("invalid_email", "email is not an email address", "email");
        }
        return new Valid(name, companyName, mobile, email, text(input.source(), "source", MAX_TEXT, clear),
            text(input.region(), "region", MAX_TEXT, clear), text(input.industry(), "industry", MAX_TEXT, clear), clear);
    }

    private static String text(String value, String field, int max, List<String> clear) {
        if (value == null) {
            return null;
        }
        String cleaned = Names.clean(value);
        if (cleaned.isEmpty()) {
            clear.add(field);
            return null;
        }
        if (cleaned.length() > max) {
            throw ApiException.badRequest("too_long", field + " must be at most " + max + " characters", field);
        }
        return cleaned;
    }

    static Lead toDto(LeadEntity l) {
        return new Lead(l.getId(), l.getName(), l.getCompanyName(), l.getMobile(), l.getEmail(), l.getSource(),
            l.getRegion(), l.getIndustry(), LeadStatus.valueOf(l.getStatus()), l.getStatusReason(), l.getRecordType(),
            l.getOwnerUserId(), l.getOwnerCompanyId(), l.getPoolId(), l.getLastFollowUpAt(), l.getCreatedBy(), l.getCreatedAt(),
            l.getUpdatedAt(), l.getVersion());
    }

    static FollowUp toDto(FollowUpEntity f) {
        return new FollowUp(f.getId(), f.getLeadId(), FollowUpKind.valueOf(f.getKind()), f.getNote(), f.getAt(),
            f.getCreatedBy());
    }

    private static DomainEvent event(CallContext ctx, String type, LeadEntity lead, Map<String, Object> data) {
        Map<String, Object> payload = new LinkedHashMap<>(data);
        payload.put("ownerUserId", lead.getOwnerUserId());
        if (lead.getOwnerCompanyId() != null) {
            payload.put("ownerCompanyId", lead.getOwnerCompanyId());
        }
        return new DomainEvent(type, ctx.tenantId(), "Lead", lead.getId(), ctx.userId(),
            type.substring("lead.".length()).replace('-', ' ') + ": lead " + lead.getId(), payload);
    }
}
