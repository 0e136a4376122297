package org.openpartner.partner.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManagerFactory;

import org.openpartner.partner.api.PartnerService;
import org.openpartner.partner.internal.jpa.PartnerEntity;
import org.openpartner.platform.api.access.Actions;
import org.openpartner.platform.api.access.FieldDefinition;
import org.openpartner.platform.api.access.FieldType;
import org.openpartner.platform.api.access.ObjectDefinition;
import org.openpartner.platform.api.access.ObjectType;
import org.openpartner.platform.api.access.RecordOwnership;
import org.openpartner.platform.api.jpa.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

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

    private final Transactions tx;

    @Activate
    public PartnerObject(@Reference(target = "(osgi.unit.name=openpartner-partner)") EntityManagerFactory emf) {
        this.tx = new Transactions(emf);
    }

    @Override
    public ObjectDefinition definition() {
        return DEFINITION;
    }

    /** A connected partner is owned within its own company (so company scopes show a dealer its own record). */
    @Override
    public Optional<RecordOwnership> ownership(String tenantId, String recordId) {
        return tx.read(em -> Optional.ofNullable(em.find(PartnerEntity.class, recordId))
            .filter(p -> p.getTenantId().equals(tenantId))
            .map(p -> new RecordOwnership(p.getId(), p.getTenantId(), p.getOwnerUserId(), p.getOwnerCompanyId())));
    }
}
