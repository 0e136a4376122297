package org.openpartner.access.api;

import java.util.List;

import org.openpartner.access.api.dto.SharingRule;
import org.openpartner.access.api.dto.SharingRuleInput;
import org.openpartner.platform.api.CallContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Data sharing rules (SPEC S4) of a tenant, for its administrators and channel managers. Rules are evaluated in
 * every query, so a rule is in force, or gone, for the next query on every node, with nothing to recompute.
 */
@ProviderType
public interface SharingRuleAdmin {

    /** The tenant's rules, of one object or (null) of all. */
    List<SharingRule> rules(CallContext ctx, String objectName);

    SharingRule create(CallContext ctx, SharingRuleInput input);

    void delete(CallContext ctx, String ruleId);
}
