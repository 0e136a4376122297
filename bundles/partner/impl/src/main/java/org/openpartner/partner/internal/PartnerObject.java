package org.openpartner.partner.internal;

import java.util.List;
import java.util.Set;

import org.openpartner.partner.api.PartnerService;
import org.openpartner.platform.api.access.Actions;
import org.openpartner.platform.api.access.FieldDefinition;
import org.openpartner.platform.api.access.FieldType;
import org.openpartner.platform.api.access.ObjectDefinition;
import org.openpartner.platform.api.access.ObjectType;
import org.osgi.service.component.annotations.Component;

/**
 * Partner as the access model sees it: the fields of {@link org.openpartner.partner.api.dto.Partner}. External
 * roles view it by default: SharePartner shows a connected company the upstream's record of it.
 */
@Component(service = ObjectType.class)
public class PartnerObject implements ObjectType {

    static final ObjectDefinition DEFINITION = new ObjectDefinition(PartnerService.OBJECT, "Partner", List.of(
        FieldDefinition.system("id", "Id", FieldType.TEXT),
        FieldDefinition.of("name", "Name", FieldType.TEXT, true),
        FieldDefinition.of("type", "Type", FieldType.PICKLIST, false),
        FieldDefinition.of("level", "Level", FieldType.PICKLIST, false),
        FieldDefinition.of("ownerUserId", "Owner", FieldType.REFERENCE, false),
        FieldDefinition.of("tags", "Person tags", FieldType.LIST, false),
        FieldDefinition.of("region", "Region", FieldType.TEXT, false),
        FieldDefinition.of("status", "Status", FieldType.PICKLIST, false),
        FieldDefinition.of("parentPartnerId", "Parent partner", FieldType.REFERENCE, false),
        FieldDefinition.system("connectedEnterpriseId", "Connected enterprise", FieldType.REFERENCE),
        FieldDefinition.system("contactCount", "Contacts", FieldType.NUMBER),
        FieldDefinition.system("createdAt", "Created", FieldType.DATETIME),
        FieldDefinition.system("updatedAt", "Updated", FieldType.DATETIME),
        FieldDefinition.system("version", "Version", FieldType.NUMBER)),
        List.of(), Set.of(Actions.VIEW), Set.of(), true);

    @Override
    public ObjectDefinition definition() {
        return DEFINITION;
    }
}
