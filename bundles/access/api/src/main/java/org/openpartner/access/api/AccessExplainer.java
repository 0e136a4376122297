package org.openpartner.access.api;

import org.openpartner.access.api.dto.Explanation;
import org.openpartner.platform.api.CallContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Answers a channel manager's "why can't this dealer see that record?": for a user of the tenant and a record,
 * whether it may read and change it and why, by the very rules the engine enforces.
 */
@ProviderType
public interface AccessExplainer {

    Explanation explain(CallContext ctx, String userId, String objectName, String recordId);
}
