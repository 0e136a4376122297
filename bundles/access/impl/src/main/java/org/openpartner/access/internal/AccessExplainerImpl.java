package org.openpartner.access.internal;

import java.util.ArrayList;
import java.util.List;

import org.openpartner.access.api.AccessExplainer;
import org.openpartner.access.api.dto.Explanation;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.MembershipService;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.access.Actions;
import org.openpartner.platform.api.access.ObjectAccess;
import org.openpartner.platform.api.access.ObjectDefinition;
import org.openpartner.platform.api.access.RecordAccess;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Explains with the engine's own functions, so that an explanation cannot disagree with what is enforced. */
@Component(service = AccessExplainer.class)
public class AccessExplainerImpl implements AccessExplainer {

    private final ObjectRegistry registry;
    private final AccessControl access;
    private final RecordReach reach;
    private final MembershipService memberships;

    @Activate
    public AccessExplainerImpl(@Reference ObjectRegistry registry, @Reference AccessControl access,
                               @Reference RecordReach reach, @Reference MembershipService memberships) {
        this.registry = registry;
        this.access = access;
        this.reach = reach;
        this.memberships = memberships;
    }

    @Override
    public Explanation explain(CallContext ctx, String userId, String objectName, String recordId) {
        PermissionAdminImpl.requireChannelStaff(ctx);
        ObjectDefinition object = registry.require(objectName);
        CallContext user = memberships.contextOf(ctx.tenantId(), userId).orElseThrow(() -> ApiException.notFound(
            "unknown_user", "no active employee or external user of this enterprise has that id", "user"));
        RecordReach.Reach record = reach.of(user, object.name(), recordId).orElse(null);
        ObjectAccess permissions = access.access(user, object.name());
        return new Explanation(userId, object.name(), recordId, record != null,
            verdict(user, object, record, permissions, Actions.VIEW, RecordAccess.READ),
            verdict(user, object, record, permissions, Actions.EDIT, RecordAccess.WRITE));
    }

    private static Explanation.Verdict verdict(CallContext user, ObjectDefinition object, RecordReach.Reach record,
                                               ObjectAccess permissions, String action, RecordAccess kind) {
        List<String> reasons = new ArrayList<>();
        if (record == null) {
            reasons.add("no " + object.label() + " record of this enterprise has that id");
            return new Explanation.Verdict(false, reasons);
        }
        boolean permitted = permissions.can(action);
        String roles = user.roles().isEmpty() ? "no roles" : "roles " + String.join(", ", user.roles());
        reasons.add((permitted ? "may " : "may not ") + action + " " + object.label() + " records (" + roles + ")");
        List<String> paths = record.reasons(user, kind);
        if (paths.isEmpty()) {
            reasons.add("neither ownership, the data scope (" + record.scope() + ") nor any grant reaches "
                + "the record for " + (kind == RecordAccess.READ ? "reading" : "writing"));
        }
        reasons.addAll(paths);
        return new Explanation.Verdict(permitted && !paths.isEmpty(), reasons);
    }
}
