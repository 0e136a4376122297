package org.openpartner.accounts.internal;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManagerFactory;

import org.openpartner.accounts.api.AccountService;
import org.openpartner.accounts.api.BusinessInfoService;
import org.openpartner.accounts.api.dto.BusinessInfo;
import org.openpartner.accounts.api.dto.BusinessInfoImport;
import org.openpartner.accounts.api.spi.BusinessInfoProvider;
import org.openpartner.accounts.internal.jpa.BusinessInfoEntity;
import org.openpartner.interconnect.api.AppService;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.CsvTable;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.Names;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.access.Actions;
import org.openpartner.platform.api.jpa.InLists;
import org.openpartner.platform.api.jpa.Transactions;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Component(service = BusinessInfoService.class)
public class BusinessInfoServiceImpl implements BusinessInfoService {

    private static final Logger LOG = LoggerFactory.getLogger(BusinessInfoServiceImpl.class);
    static final int MAX_LIMIT = 50;

    private final Transactions tx;
    private final AccessControl access;
    private final AppService apps;
    /** Providers and their ranking; asked highest first. */
    private final Map<BusinessInfoProvider, Integer> providers = new ConcurrentHashMap<>();

    @Activate
    public BusinessInfoServiceImpl(@Reference(target = "(osgi.unit.name=openpartner-accounts)") EntityManagerFactory emf,
                                   @Reference AccessControl access, @Reference AppService apps) {
        this.tx = new Transactions(emf);
        this.access = access;
        this.apps = apps;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(BusinessInfoProvider provider, Map<String, Object> properties) {
        providers.put(provider, properties.get(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0);
    }

    void removeProvider(BusinessInfoProvider provider) {
        providers.remove(provider);
    }

    @Override
    public List<BusinessInfo> lookup(CallContext ctx, String name, String registrationId, int limit) {
        if (ctx.isExternal()) {
            apps.requireAccess(ctx, AccountServiceImpl.SHARE_PARTNER_APP);
        }
        // Looking up fills a new account: who may not create accounts has no business in the registry.
        access.access(ctx, AccountService.OBJECT).require(Actions.CREATE);
        String prefix = Names.clean(name);
        boolean byName = prefix != null && !prefix.isEmpty();
        String id = AccountServiceImpl.registrationId(registrationId, "registrationId");
        if (byName == (id != null)) {
            throw ApiException.badRequest("required", "give a name (its first letters) or a registrationId", "name");
        }
        if (byName && prefix.length() < 2) {
            throw ApiException.badRequest("too_short", "name needs at least 2 characters", "name");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("invalid_limit", "limit is 1 to " + MAX_LIMIT, "limit");
        }
        List<Map.Entry<BusinessInfoProvider, Integer>> ranked = new ArrayList<>(providers.entrySet());
        ranked.sort(Map.Entry.<BusinessInfoProvider, Integer>comparingByValue(Comparator.reverseOrder())
            .thenComparing(e -> e.getKey().name()));
        List<BusinessInfo> found = new ArrayList<>();
        for (Map.Entry<BusinessInfoProvider, Integer> provider : ranked) {
            try {
                found.addAll(provider.getKey().lookup(ctx.tenantId(), byName ? prefix : null, id, limit).stream()
                    .limit(limit).toList());
            } catch (RuntimeException e) {
                // One registry being down leaves the others' answers useful.
                LOG.warn("Business-info provider {} failed a lookup", provider.getKey().name(), e);
            }
        }
        return found;
    }

    @Override
    public BusinessInfoImport importCsv(CallContext ctx, InputStream csv) {
        ctx.requireChannelStaff("import the business-info data set");
        CsvTable read = BusinessInfoCsv.READER.read(csv);
        List<BusinessInfoImport.RejectedRow> rejected = new ArrayList<>();
        Map<String, BusinessInfoEntity> byKey = new LinkedHashMap<>();
        Map<String, Long> lineOfKey = new HashMap<>();
        Instant now = Instant.now();
        for (CsvTable.Row row : read.rows()) {
            try {
                read.requireFits(row);
                BusinessInfoEntity company = company(ctx, row, now);
                Long earlier = lineOfKey.putIfAbsent(company.getRegistrationKey(), row.line());
                if (earlier != null) {
                    throw ApiException.badRequest("duplicate_in_file", "line " + earlier
                        + " has the same registration id", "registrationId");
                }
                byKey.put(company.getRegistrationKey(), company);
            } catch (ApiException e) {
                rejected.add(new BusinessInfoImport.RejectedRow(row.line(), e.field(), e.code(), e.getMessage()));
            }
        }
        if (!rejected.isEmpty() || byKey.isEmpty()) {
            return new BusinessInfoImport(0, 0, rejected);
        }
        // One transaction: the data set changes as a whole or not at all. Companies already in it are replaced.
        return tx.inTransaction(em -> {
            List<BusinessInfoEntity> existing = InLists.query(List.copyOf(byKey.keySet()), chunk -> em.createQuery(
                    "select b from BusinessInfoEntity b where b.registrationKey in :k and b.tenantId = :t",
                    BusinessInfoEntity.class)
                .setParameter("k", chunk).setParameter("t", ctx.tenantId()).getResultList());
            int replaced = 0;
            for (BusinessInfoEntity stored : existing) {
                BusinessInfoEntity given = byKey.remove(stored.getRegistrationKey());
                if (given != null) {
                    stored.setRegistrationId(given.getRegistrationId());
                    stored.setName(given.getName());
                    stored.setNameKey(given.getNameKey());
                    stored.setIndustry(given.getIndustry());
                    stored.setRegion(given.getRegion());
                    stored.setAddress(given.getAddress());
                    stored.setImportedAt(now);
                    replaced++;
                }
            }
            byKey.values().forEach(em::persist);
            em.flush();
            return new BusinessInfoImport(byKey.size(), replaced, List.of());
        });
    }

    private static BusinessInfoEntity company(CallContext ctx, CsvTable.Row row, Instant now) {
        String id = AccountServiceImpl.registrationId(row.get("registrationId"), "registrationId");
        if (id == null) {
            throw ApiException.badRequest("required", "registrationId is required", "registrationId");
        }
        String name = Names.require(row.get("name"), "name", AccountServiceImpl.MAX_NAME);
        BusinessInfoEntity company = new BusinessInfoEntity();
        company.setId(Ids.newId());
        company.setTenantId(ctx.tenantId());
        company.setRegistrationId(id);
        company.setRegistrationKey(AccountServiceImpl.registrationKey(id));
        company.setName(name);
        company.setNameKey(Names.key(name));
        company.setIndustry(AccountServiceImpl.optional(row.get("industry"), "industry", AccountServiceImpl.MAX_TEXT));
        company.setRegion(AccountServiceImpl.optional(row.get("region"), "region", AccountServiceImpl.MAX_TEXT));
        company.setAddress(AccountServiceImpl.optional(row.get("address"), "address", AccountServiceImpl.MAX_ADDRESS));
        company.setImportedAt(now);
        return company;
    }
}
