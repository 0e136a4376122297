package org.openpartner.access.api;

import java.util.List;
import java.util.Set;

import org.openpartner.access.api.dto.LayoutInput;
import org.openpartner.access.api.dto.RenderedLayout;
import org.openpartner.access.api.dto.RoleLayout;
import org.openpartner.platform.api.CallContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Record types and page layouts per external role (SPEC S4). An object without record types of its own has the
 * one record type {@link #DEFAULT_RECORD_TYPE}. Administration is for channel staff; {@link #layoutFor} is for
 * every caller.
 */
@ProviderType
public interface LayoutAdmin {

    String DEFAULT_RECORD_TYPE = "default";

    RoleLayout layout(CallContext ctx, String roleKey, String objectName, String recordType);

    /** Replaces the role's layout; every field must be the object's, and appear once. */
    RoleLayout setLayout(CallContext ctx, String roleKey, String objectName, String recordType, LayoutInput input);

    /** The record types the role may create records of; until configured, every record type of the object. */
    List<String> creatableRecordTypes(CallContext ctx, String roleKey, String objectName);

    List<String> setCreatableRecordTypes(CallContext ctx, String roleKey, String objectName, Set<String> recordTypes);

    /**
     * The caller's layout: the sections of its roles' layouts in role order (a field placed once), else the record
     * type's default layout, else every field in one section; hidden fields left out.
     */
    RenderedLayout layoutFor(CallContext ctx, String objectName, String recordType);
}
