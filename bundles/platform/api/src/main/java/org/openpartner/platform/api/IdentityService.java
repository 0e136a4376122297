package org.openpartner.platform.api;

import java.util.List;
import java.util.Optional;

import org.openpartner.platform.api.dto.Enterprise;
import org.openpartner.platform.api.dto.NewUser;
import org.openpartner.platform.api.dto.User;
import org.osgi.annotation.versioning.ProviderType;

/** Enterprises (tenants) and their users. */
@ProviderType
public interface IdentityService {

    /** Platform admin only: registers an enterprise together with its first administrator. */
    Enterprise createEnterprise(CallContext ctx, String name, NewUser admin);

    /** Platform admin only. */
    List<Enterprise> listEnterprises(CallContext ctx);

    /** The platform admin sees every enterprise, any other caller only the one it acts for. */
    Enterprise getEnterprise(CallContext ctx, String enterpriseId);

    /** Finds an enterprise by exact id or by name ignoring case; for console completion and lookup. */
    Optional<Enterprise> findEnterprise(String idOrName);

    /**
     * The context the Karaf console acts with for the enterprise named {@code tenantNameOrId}: the platform admin
     * acting as an administrator of that enterprise.
     *
     * @throws ApiException 404 when no such enterprise exists
     */
    default CallContext consoleContext(String tenantNameOrId) {
        return findEnterprise(tenantNameOrId).map(e -> CallContext.console(e.id()))
            .orElseThrow(() -> ApiException.notFound("Enterprise '" + tenantNameOrId + "'"));
    }

    /** Tenant admin only: adds an employee to the acting tenant. */
    User createUser(CallContext ctx, NewUser user);

    List<User> listUsers(CallContext ctx);

    /** An employee of the acting tenant, or 404. */
    User getUser(CallContext ctx, String userId);
}
