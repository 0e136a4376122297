package org.openpartner.platform.api.access;

import java.util.List;
import java.util.Optional;

import org.openpartner.platform.api.CallContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one access engine every capability enforces through (SPEC S4, ARCHITECTURE §4). Upstream channel staff and
 * the console may do everything with their tenant's objects; external users what the union of their external
 * roles allows; other employees what their internal roles allow.
 */
@ProviderType
public interface AccessControl {

    /**
     * What the caller may do with the object and each of its fields.
     *
     * @throws org.openpartner.platform.api.ApiException 404 when no bundle registers the object
     */
    ObjectAccess access(CallContext ctx, String objectName);

    /**
     * The records of a shareable object the caller may read or write, as a condition on the entity {@code alias}
     * of a JPQL query. The entity has the attributes {@code id}, {@code tenantId}, {@code ownerUserId} (the user
     * who owns the record) and {@code ownerCompanyId} (the downstream company it is owned within; null when owned
     * upstream), and the query's persistence unit lists {@link org.openpartner.platform.api.access.jpa.ShareGrant}
     * (the condition reaches records shared with the caller through it).
     * Channel staff reach every record of their tenant; an external user its own records and those its company's
     * {@link #scope data scope} puts in reach; other employees their own. The condition always includes the
     * tenant. Whether the caller may act on the object at all is {@link #access}'s answer.
     *
     * @throws org.openpartner.platform.api.ApiException 404 when no bundle registers the object
     */
    VisibilityFilter visibleFilter(CallContext ctx, String objectName, String alias, RecordAccess access);

    /**
     * Whether the caller reaches one record for reading or writing, by the same rules as {@link #visibleFilter}
     * (for records of objects whose {@link ObjectType#ownership} answers; false when the record does not exist).
     */
    boolean reaches(CallContext ctx, String objectName, String recordId, RecordAccess access);

    /**
     * Drops the grants of a record its capability deletes; call it in the same
     * {@link org.openpartner.platform.api.jpa.UnitOfWork} as the delete.
     */
    void recordDeleted(CallContext ctx, String objectName, String recordId);

    /** The data scope of the caller's company for the object (external users; {@link DataScope#PRIVATE} default). */
    DataScope scope(CallContext ctx, String objectName);

    /** The registered object of that name, if its bundle is installed. */
    Optional<ObjectDefinition> object(String objectName);

    /** Every registered object, by name. */
    List<ObjectDefinition> objects();
}
