package org.openpartner.accounts.api;

import java.io.InputStream;
import java.util.List;

import org.openpartner.accounts.api.dto.BusinessInfo;
import org.openpartner.accounts.api.dto.BusinessInfoImport;
import org.openpartner.platform.api.CallContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The business-info lookup (SPEC S7): registered company data that fills an account, from every
 * {@link org.openpartner.accounts.api.spi.BusinessInfoProvider}, and the data set the default provider reads.
 */
@ProviderType
public interface BusinessInfoService {

    /**
     * Companies whose name starts with {@code name}, or whose registration id is {@code registrationId} (exactly one
     * of the two), from every provider, at most {@code limit} (1 to 50) from each. Anyone who may create accounts may
     * look up.
     */
    List<BusinessInfo> lookup(CallContext ctx, String name, String registrationId, int limit);

    /**
     * Imports the upstream's business-info data set from CSV (UTF-8; a header naming {@code registrationId},
     * {@code name}, and optionally {@code industry}, {@code region}, {@code address}): a company with a registration
     * id already in the set is replaced. All rows, or when any row is wrong none. Channel staff only.
     */
    BusinessInfoImport importCsv(CallContext ctx, InputStream csv);

    /** The largest data-set file one import takes. */
    long MAX_IMPORT_BYTES = 20L * 1024 * 1024;

    /** The most rows one import takes. */
    int MAX_IMPORT_ROWS = 100_000;
}
