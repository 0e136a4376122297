package org.openpartner.platform.api.access;

import java.util.List;

import org.openpartner.platform.api.CallContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Further keys by which grants may name a caller, beyond its user, company, roles and user groups: a capability
 * that shares records with a set of principals as one (the pool engine: every member of a pool, {@code P:<pool>})
 * grants to one key per record and says here which callers hold it, instead of one grant per member and record.
 * The access engine asks every provider when it builds a visibility filter or decides one record for a caller who
 * does not reach the whole tenant, so an answer costs one indexed query at most, and nothing for objects the
 * provider does not serve.
 */
@ConsumerType
public interface PrincipalProvider {

    /**
     * The keys the caller also holds for records of the object, given the keys it already holds ({@code U:},
     * {@code C:}, {@code R:}, {@code G:}, {@code A:}); empty when none. Keys must start with a prefix of the
     * provider's own, never one of those.
     */
    List<String> principals(CallContext ctx, String objectName, List<String> principals);
}
