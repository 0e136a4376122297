package org.openpartner.access.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.openpartner.platform.api.access.RecordAccess;
import org.openpartner.platform.api.access.jpa.ShareRule;

/**
 * What sharing names a caller by, read before a query: the caller's principals (with the user groups it belongs to
 * when a rule targets a group) and the object's sharing rules whose target is one of them.
 */
record CallerSharing(List<String> principals, List<ShareRule> rules) {

    CallerSharing {
        principals = List.copyOf(principals);
        rules = List.copyOf(rules);
    }

    /** The source keys of the rules of this source kind that give this access. */
    Set<String> sources(String sourceKind, RecordAccess access) {
        Set<String> keys = new TreeSet<>();
        rules.stream().filter(r -> sourceKind.equals(r.getSourceKind()) && RecordReach.Reach.allows(r.getAccessLevel(), access))
            .forEach(r -> keys.add(r.getSourceKey()));
        return keys;
    }
}
