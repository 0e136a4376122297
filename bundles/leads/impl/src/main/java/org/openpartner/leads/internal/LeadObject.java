package org.openpartner.leads.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManagerFactory;

import org.openpartner.leads.api.LeadService;
import org.openpartner.leads.internal.jpa.LeadEntity;
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
 * Leads as the access model sees them: the fields of {@link org.openpartner.leads.api.dto.Lead} and the pool
 * actions (claim, return, assign, submit) and conversion that upstreams grant per external role. External roles may
 * view, create, edit and convert leads, claim and return pooled ones and submit theirs to the upstream until the
 * upstream says otherwise (a dealer that wins a prospect turns it into its customer); assigning and deleting are the
 * upstream's.
 */
@Component(service = ObjectType.class)
public class LeadObject implements ObjectType {

    static final String CLAIM = "claim";
    static final String RETURN = "return";
    static final String ASSIGN = "assign";
    static final String SUBMIT = "submit";
    static final String CONVERT = "convert";

    static final ObjectDefinition DEFINITION = new ObjectDefinition(LeadService.OBJECT, "Lead", List.of(
        FieldDefinition.system("id", "Id", FieldType.TEXT),
        FieldDefinition.of("name", "Name", FieldType.TEXT, true),
        FieldDefinition.of("companyName", "Company", FieldType.TEXT, false),
        FieldDefinition.of("mobile", "Mobile", FieldType.PHONE, false),
        FieldDefinition.of("email", "Email", FieldType.EMAIL, false),
        FieldDefinition.of("source", "Source", FieldType.TEXT, false),
        FieldDefinition.of("region", "Region", FieldType.TEXT, false),
        FieldDefinition.of("industry", "Industry", FieldType.TEXT, false),
        FieldDefinition.system("status", "Status", FieldType.PICKLIST),
        FieldDefinition.system("statusReason", "Status reason", FieldType.TEXT),
        FieldDefinition.system("recordType", "Record type", FieldType.TEXT),
        FieldDefinition.system("ownerUserId", "Owner", FieldType.REFERENCE),
        FieldDefinition.system("ownerCompanyId", "Owner company", FieldType.REFERENCE),
        FieldDefinition.system("poolId", "Pool", FieldType.REFERENCE),
        FieldDefinition.system("lastFollowUpAt", "Last follow-up", FieldType.DATETIME),
        FieldDefinition.system("createdBy", "Created by", FieldType.REFERENCE),
        FieldDefinition.system("createdAt", "Created", FieldType.DATETIME),
        FieldDefinition.system("updatedAt", "Updated", FieldType.DATETIME),
        FieldDefinition.system("version", "Version", FieldType.NUMBER)),
        List.of(CLAIM, RETURN, ASSIGN, SUBMIT, CONVERT),
        Set.of(Actions.VIEW, Actions.CREATE, Actions.EDIT, CLAIM, RETURN, SUBMIT, CONVERT),
        Set.of(Actions.VIEW, Actions.CREATE, Actions.EDIT, CLAIM, RETURN, CONVERT), true);

    private final Transactions tx;

    @Activate
    public LeadObject(@Reference(target = "(osgi.unit.name=openpartner-leads)") EntityManagerFactory emf) {
        this.tx = new Transactions(emf);
    }

    @Override
    public ObjectDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Optional<RecordOwnership> ownership(String tenantId, String recordId) {
        return tx.read(em -> Optional.ofNullable(em.find(LeadEntity.class, recordId))
            .filter(l -> l.getTenantId().equals(tenantId))
            .map(l -> new RecordOwnership(l.getId(), l.getTenantId(), l.getOwnerUserId(), l.getOwnerCompanyId())));
    }
}
