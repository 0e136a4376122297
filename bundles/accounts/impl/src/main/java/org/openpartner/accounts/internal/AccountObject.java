package org.openpartner.accounts.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManagerFactory;

import org.openpartner.accounts.api.AccountService;
import org.openpartner.accounts.internal.jpa.AccountEntity;
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
 * Accounts as the access model sees them: the fields of {@link org.openpartner.accounts.api.dto.Account} and the
 * pool actions that upstreams grant per external role. External roles may view, create and edit accounts and claim
 * and return pooled ones until the upstream says otherwise; assigning and deleting are the upstream's.
 */
@Component(service = ObjectType.class)
public class AccountObject implements ObjectType {

    static final String CLAIM = "claim";
    static final String RETURN = "return";
    static final String ASSIGN = "assign";
    static final String SUBMIT = "submit";

    static final ObjectDefinition DEFINITION = new ObjectDefinition(AccountService.OBJECT, "Account", List.of(
        FieldDefinition.system("id", "Id", FieldType.TEXT),
        FieldDefinition.of("name", "Name", FieldType.TEXT, true),
        FieldDefinition.of("registrationId", "Registration id", FieldType.TEXT, false),
        FieldDefinition.of("industry", "Industry", FieldType.TEXT, false),
        FieldDefinition.of("region", "Region", FieldType.TEXT, false),
        FieldDefinition.of("address", "Address", FieldType.TEXT, false),
        FieldDefinition.system("recordType", "Record type", FieldType.TEXT),
        FieldDefinition.system("ownerUserId", "Owner", FieldType.REFERENCE),
        FieldDefinition.system("ownerCompanyId", "Owner company", FieldType.REFERENCE),
        FieldDefinition.system("poolId", "Pool", FieldType.REFERENCE),
        FieldDefinition.system("createdBy", "Created by", FieldType.REFERENCE),
        FieldDefinition.system("createdAt", "Created", FieldType.DATETIME),
        FieldDefinition.system("updatedAt", "Updated", FieldType.DATETIME),
        FieldDefinition.system("version", "Version", FieldType.NUMBER)),
        List.of(CLAIM, RETURN, ASSIGN, SUBMIT),
        Set.of(Actions.VIEW, Actions.CREATE, Actions.EDIT, CLAIM, RETURN, SUBMIT),
        Set.of(Actions.VIEW, Actions.CREATE, Actions.EDIT, CLAIM, RETURN), true);

    private final Transactions tx;

    @Activate
    public AccountObject(@Reference(target = "(osgi.unit.name=openpartner-accounts)") EntityManagerFactory emf) {
        this.tx = new Transactions(emf);
    }

    @Override
    public ObjectDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Optional<RecordOwnership> ownership(String tenantId, String recordId) {
        return tx.read(em -> Optional.ofNullable(em.find(AccountEntity.class, recordId))
            .filter(a -> a.getTenantId().equals(tenantId))
            .map(a -> new RecordOwnership(a.getId(), a.getTenantId(), a.getOwnerUserId(), a.getOwnerCompanyId())));
    }
}
