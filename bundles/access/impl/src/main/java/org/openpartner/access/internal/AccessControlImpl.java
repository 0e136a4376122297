package org.openpartner.access.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import javax.persistence.EntityManagerFactory;

import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.RoleService;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.access.DataScope;
import org.openpartner.platform.api.access.ObjectAccess;
import org.openpartner.platform.api.access.ObjectDefinition;
import org.openpartner.platform.api.access.RecordAccess;
import org.openpartner.platform.api.access.VisibilityFilter;
import org.openpartner.platform.api.jpa.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The access engine. Permissions are read from the database for each request (two indexed queries), so a change
 * is in force on every node as soon as it commits. Within one request they are read once: the resource and then
 * the field masks of its answer ask with the same caller instance, which {@link CallerMemo} recognises.
 */
@Component(service = AccessControl.class)
public class AccessControlImpl implements AccessControl {

    private final Transactions tx;
    private final ObjectRegistry registry;
    private final RecordReach reach;
    private final RoleService roles;
    private final CallerMemo<ObjectAccess> permissions = new CallerMemo<>(512, 2_000);

    @Activate
    public AccessControlImpl(@Reference(target = "(osgi.unit.name=openpartner-access)") EntityManagerFactory emf,
                             @Reference ObjectRegistry registry, @Reference RecordReach reach,
                             @Reference RoleService roles) {
        this.roles = roles;
        this.tx = new Transactions(emf);
        this.registry = registry;
        this.reach = reach;
    }

    @Override
    public ObjectAccess access(CallContext ctx, String objectName) {
        ObjectDefinition object = registry.require(objectName);
        if (ctx.isConsole() || ctx.isChannelStaff()) {
            ObjectAccess all = ObjectAccess.unrestricted(object);
            return new ObjectAccess(object, all.actions(), all.fields(), () -> {
                List<String> types = LayoutAdminImpl.recordTypeKeys(roles, ctx, object.name());
                return new ObjectAccess.RecordTypes(types, types);
            });
        }
        if (!ctx.isExternal() && !ctx.isInternal()) {
            return ObjectAccess.none(object);
        }
        if (ctx.roles().isEmpty()) {
            return withRecordTypes(ctx, new RolePermissions(object, Map.of(), Map.of()));
        }
        return permissions.get(ctx, object.name(), () -> withRecordTypes(ctx,
            tx.read(em -> PermissionStore.load(em, ctx.tenantId(), object, ctx.roles()))));
    }

    /** The roles' union, with the record types they may create read when a create first asks. */
    private ObjectAccess withRecordTypes(CallContext ctx, RolePermissions stored) {
        ObjectAccess union = stored.union(ctx.roles(), ctx.isExternal());
        ObjectDefinition object = stored.object();
        return new ObjectAccess(object, union.actions(), union.fields(), () -> {
            List<String> all = LayoutAdminImpl.recordTypeKeys(roles, ctx, object.name());
            Map<String, List<String>> restricted = !ctx.isExternal() || ctx.roles().isEmpty() ? Map.of()
                : tx.read(em -> PermissionStore.recordTypes(em, ctx.tenantId(), object.name(), ctx.roles()));
            return new ObjectAccess.RecordTypes(all, stored.creatableRecordTypes(ctx.roles(), ctx.isExternal(), all,
                restricted));
        });
    }

    @Override
    public VisibilityFilter visibleFilter(CallContext ctx, String objectName, String alias, RecordAccess access) {
        ObjectDefinition object = registry.require(objectName);
        DataScope scope = reach.scope(ctx, objectName);
        return Visibility.filter(ctx, object.name(), object.shareable(), scope, alias, access,
            reach.sharing(ctx, object.name()));
    }

    @Override
    public boolean reaches(CallContext ctx, String objectName, String recordId, RecordAccess access) {
        return !reach.reasons(ctx, objectName, recordId, access).isEmpty();
    }

    @Override
    public void recordDeleted(CallContext ctx, String objectName, String recordId) {
        ObjectDefinition object = registry.require(objectName);
        tx.inTransaction(em -> {
            GrantStore.deleteRecord(em, ctx.tenantId(), object.name(), recordId);
            return null;
        });
    }

    @Override
    public DataScope scope(CallContext ctx, String objectName) {
        return reach.scope(ctx, objectName);
    }

    @Override
    public Optional<ObjectDefinition> object(String objectName) {
        return registry.find(objectName);
    }

    @Override
    public List<ObjectDefinition> objects() {
        return registry.all();
    }
}
