package org.openpartner.interconnect.api;

import java.util.List;

import org.openpartner.interconnect.api.dto.Approval;
import org.openpartner.interconnect.api.dto.CodeInput;
import org.openpartner.interconnect.api.dto.ConnectionRequest;
import org.openpartner.interconnect.api.dto.InvitationCode;
import org.openpartner.interconnect.api.dto.IssuedCode;
import org.openpartner.interconnect.api.dto.ConnectResult;
import org.openpartner.platform.api.CallContext;
import org.osgi.annotation.versioning.ProviderType;

/** Invitation codes and connection requests (SPEC S2, way 2). */
@ProviderType
public interface InvitationService {

    /** Upstream: a new code, shown once. Codes carry 80 random bits and are stored as SHA-256 hashes. */
    IssuedCode generate(CallContext ctx, CodeInput input);

    List<InvitationCode> listCodes(CallContext ctx);

    InvitationCode revoke(CallContext ctx, String codeId);

    /**
     * Downstream admin ("add upstream company"): redeems a code; the request stays pending until the upstream
     * decides. Wrong codes are 404 {@code code_unknown}, expired 410 {@code code_expired}, revoked 410
     * {@code code_revoked}, used up 409 {@code code_used_up}; too many attempts 429.
     */
    ConnectionRequest redeem(CallContext ctx, String code);

    /** Upstream: requests, newest first; {@code status} null for all. */
    List<ConnectionRequest> listRequests(CallContext ctx, String status);

    /** Upstream: approves, connecting the company to a new or an existing partner. */
    ConnectResult approve(CallContext ctx, String requestId, Approval approval);

    ConnectionRequest reject(CallContext ctx, String requestId, String reason);

    /** Downstream: the requests the caller's enterprise made. */
    List<ConnectionRequest> myRequests(CallContext ctx);
}
