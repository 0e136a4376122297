package org.openpartner.interconnect.api;

import java.util.List;

import org.openpartner.interconnect.api.dto.ConnectRequest;
import org.openpartner.interconnect.api.dto.ConnectResult;
import org.openpartner.interconnect.api.dto.Connection;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.openpartner.platform.api.dto.Membership;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Connections of the acting upstream tenant with its partners' enterprises (SPEC S2). Upstream methods need the
 * tenant's administrators or channel managers; downstream methods act for the caller's own enterprise.
 */
@ProviderType
public interface ConnectionService {

    /**
     * Way 1: connects a partner without an account. Registers an enterprise for it, makes each connector contact an
     * external user (reusing a platform user that has the mobile), enables the default apps and activates the
     * connection, all in one transaction.
     *
     * @throws org.openpartner.platform.api.ApiException 409 {@code already_connected} for a connected partner
     */
    ConnectResult connect(CallContext ctx, ConnectRequest request);

    /** Upstream: connections, newest first; {@code status} null for all. */
    Page<Connection> list(CallContext ctx, String status, PageRequest page);

    Connection get(CallContext ctx, String connectionId);

    /** Suspends: the company's external users lose access at once (their tokens for this tenant are revoked). */
    Connection suspend(CallContext ctx, String connectionId, String reason);

    Connection resume(CallContext ctx, String connectionId);

    /** Ends for good: access goes, the partner is free to connect again, the history stays. */
    Connection end(CallContext ctx, String connectionId, String reason);

    /** The connector contacts (external users) of a connection. */
    List<Membership> members(CallContext ctx, String connectionId);

    /** Downstream: the connections of the caller's own enterprise with its upstreams. */
    List<Connection> upstreams(CallContext ctx);

    /**
     * Downstream admin: makes employees connector contacts of an active connection, with the connection's default
     * external roles.
     */
    List<Membership> addConnectors(CallContext ctx, String connectionId, List<String> userIds);

    /** Downstream admin or upstream: a user stops being a connector contact; its access goes at once. */
    void removeConnector(CallContext ctx, String connectionId, String userId);
}
