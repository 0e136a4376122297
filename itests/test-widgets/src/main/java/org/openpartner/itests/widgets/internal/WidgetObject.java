package org.openpartner.itests.widgets.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManagerFactory;

import org.openpartner.itests.widgets.internal.jpa.WidgetEntity;
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

/** The add-on's object: external roles may view, create, edit and delete widgets until the upstream says otherwise. */
@Component(service = ObjectType.class)
public class WidgetObject implements ObjectType {

    public static final String NAME = "test-widget";
    /** The record types {@code POST /test-widgets/record-types} gives a tenant, in order. */
    static final List<String> RECORD_TYPES = List.of("standard", "deal");

    static final ObjectDefinition DEFINITION = new ObjectDefinition(NAME, "Test widget", List.of(
        FieldDefinition.system("id", "Id", FieldType.TEXT),
        FieldDefinition.of("name", "Name", FieldType.TEXT, true),
        FieldDefinition.of("price", "Price", FieldType.NUMBER, false),
        FieldDefinition.of("secret", "Secret", FieldType.TEXT, false),
        FieldDefinition.system("recordType", "Record type", FieldType.TEXT),
        FieldDefinition.system("ownerUserId", "Owner", FieldType.REFERENCE),
        FieldDefinition.system("ownerCompanyId", "Owner company", FieldType.REFERENCE),
        FieldDefinition.system("version", "Version", FieldType.NUMBER)),
        List.of("polish"), Set.of(Actions.VIEW, Actions.CREATE, Actions.EDIT, Actions.DELETE), Set.of(), true);

    private final Transactions tx;

    @Activate
    public WidgetObject(@Reference(target = "(osgi.unit.name=openpartner-test-widgets)") EntityManagerFactory emf) {
        this.tx = new Transactions(emf);
    }

    @Override
    public ObjectDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Optional<RecordOwnership> ownership(String tenantId, String recordId) {
        return tx.read(em -> Optional.ofNullable(em.find(WidgetEntity.class, recordId))
            .filter(w -> w.getTenantId().equals(tenantId))
            .map(w -> new RecordOwnership(w.getId(), w.getTenantId(), w.getOwnerUserId(), w.getOwnerCompanyId())));
    }
}
