package org.openpartner.interconnect.api;

import java.util.List;

import org.openpartner.interconnect.api.dto.AppEnablement;
import org.openpartner.interconnect.api.dto.AppInfo;
import org.openpartner.interconnect.api.dto.AppScope;
import org.openpartner.interconnect.api.dto.BulkResult;
import org.openpartner.platform.api.CallContext;
import org.osgi.annotation.versioning.ProviderType;

/** The app registry and each upstream's settings for its apps (SPEC S3). */
@ProviderType
public interface AppService {

    /** Upstream: the installed apps with the tenant's settings. */
    List<AppInfo> list(CallContext ctx);

    AppInfo get(CallContext ctx, String appId);

    /** Upstream: sets the app's external access scope (and, when given, the roles that may use it). */
    AppInfo setScope(CallContext ctx, String appId, AppScope scope);

    /** Upstream: enables or disables the app for the connections of many partners. */
    BulkResult setEnabled(CallContext ctx, String appId, AppEnablement change);

    /** Upstream: enables or disables the app for one connection. */
    void setEnabledForConnection(CallContext ctx, String appId, String connectionId, boolean enabled);

    /** A downstream user: the apps it may use now. */
    List<AppInfo> usable(CallContext ctx);

    /**
     * The gate of every app endpoint. Employees of the tenant pass. An external user passes only when its
     * connection is active, the app is enabled for its company, it is within the app's access scope and it has at
     * least one of the app's external roles; otherwise 403 with the reason as {@code code}:
     * {@code connection_inactive}, {@code app_not_enabled}, {@code outside_access_scope}, {@code no_external_role}.
     * An app that is not installed is 404.
     */
    void requireAccess(CallContext ctx, String appId);
}
