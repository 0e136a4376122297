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

/** Contacts (partner contacts are those of record type partner-contact) as the access model sees them: the fields of {@link org.openpartner.partner.api.dto.PartnerContact}. */
@Component(service = ObjectType.class)
public class PartnerContactObject implements ObjectType {

    static final ObjectDefinition DEFINITION = new ObjectDefinition(PartnerService.CONTACT_OBJECT, "Contact",
        List.of(
            FieldDefinition.system("id", "Id", FieldType.TEXT),
            FieldDefinition.system("partnerId", "Partner", FieldType.REFERENCE),
            FieldDefinition.of("name", "Name", FieldType.TEXT, true),
            FieldDefinition.of("mobile", "Mobile", FieldType.PHONE, true),
            FieldDefinition.of("email", "Email", FieldType.EMAIL, false),
            FieldDefinition.of("position", "Position", FieldType.TEXT, false),
            FieldDefinition.of("systemAdmin", "System administrator", FieldType.BOOLEAN, false),
            FieldDefinition.system("recordType", "Record type", FieldType.TEXT),
            FieldDefinition.system("createdAt", "Created", FieldType.DATETIME),
            FieldDefinition.system("updatedAt", "Updated", FieldType.DATETIME),
            FieldDefinition.system("version", "Version", FieldType.NUMBER)),
        List.of(), Set.of(Actions.VIEW), Set.of(), true);

    @Override
    public ObjectDefinition definition() {
        return DEFINITION;
    }
}
