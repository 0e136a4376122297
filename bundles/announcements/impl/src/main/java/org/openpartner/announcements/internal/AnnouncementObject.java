package org.openpartner.announcements.internal;

import java.util.List;
import java.util.Set;

import org.openpartner.announcements.api.AnnouncementService;
import org.openpartner.platform.api.access.Actions;
import org.openpartner.platform.api.access.FieldDefinition;
import org.openpartner.platform.api.access.FieldType;
import org.openpartner.platform.api.access.ObjectDefinition;
import org.openpartner.platform.api.access.ObjectType;
import org.osgi.service.component.annotations.Component;

/**
 * Announcements as the access model sees them: the fields of
 * {@link org.openpartner.announcements.api.dto.Announcement}. Every employee and, by default, every external role
 * may read them; posting stays with channel staff.
 */
@Component(service = ObjectType.class)
public class AnnouncementObject implements ObjectType {

    static final ObjectDefinition DEFINITION = new ObjectDefinition(AnnouncementService.OBJECT, "Announcement", List.of(
        FieldDefinition.system("id", "Id", FieldType.TEXT),
        FieldDefinition.of("title", "Title", FieldType.TEXT, true),
        FieldDefinition.of("body", "Body", FieldType.LONG_TEXT, true),
        FieldDefinition.of("pinned", "Pinned", FieldType.BOOLEAN, false),
        FieldDefinition.system("createdBy", "Posted by", FieldType.REFERENCE),
        FieldDefinition.system("createdAt", "Posted", FieldType.DATETIME),
        FieldDefinition.system("updatedAt", "Updated", FieldType.DATETIME),
        FieldDefinition.system("version", "Version", FieldType.NUMBER)),
        List.of(), Set.of(Actions.VIEW), Set.of(Actions.VIEW), false);

    @Override
    public ObjectDefinition definition() {
        return DEFINITION;
    }
}
