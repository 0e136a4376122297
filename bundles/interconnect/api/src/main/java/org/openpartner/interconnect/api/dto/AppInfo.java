package org.openpartner.interconnect.api.dto;

import java.util.List;
import java.util.Set;

/**
 * An installed app with the upstream's settings for it. A downstream user's portal lists its apps without those
 * settings: {@code scope}, {@code scopeCompanyIds}, {@code scopeUserIds} and {@code roles} null and
 * {@code enabledCompanies} -1.
 *
 * @param scope       all, companies or contacts (SPEC S3 external access scope)
 * @param scopeCompanyIds the companies in scope when {@code scope} is companies or contacts
 * @param scopeUserIds    the contacts in scope when {@code scope} is contacts
 * @param roles       external roles that may use the app
 * @param enabledCompanies how many connected companies have it enabled
 */
public record AppInfo(String id, String name, String description, List<String> objects, List<String> portalComponents,
                      boolean enabledByDefault, String scope, List<String> scopeCompanyIds, List<String> scopeUserIds,
                      Set<String> roles, long enabledCompanies) {

    public static final String SCOPE_ALL = "all";
    public static final String SCOPE_COMPANIES = "companies";
    public static final String SCOPE_CONTACTS = "contacts";
}
