package org.openpartner.access.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.openpartner.access.api.LayoutAdmin;
import org.openpartner.access.api.dto.LayoutInput;
import org.openpartner.access.api.dto.LayoutSection;
import org.openpartner.access.api.dto.RenderedLayout;
import org.openpartner.access.api.dto.RoleLayout;
import org.openpartner.access.internal.jpa.LayoutFieldEntity;
import org.openpartner.access.internal.jpa.RoleRecordTypeEntity;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.Names;
import org.openpartner.platform.api.RoleService;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.access.Actions;
import org.openpartner.platform.api.access.FieldAccess;
import org.openpartner.platform.api.access.FieldDefinition;
import org.openpartner.platform.api.access.ObjectAccess;
import org.openpartner.platform.api.access.ObjectDefinition;
import org.openpartner.platform.api.dto.RecordType;
import org.openpartner.platform.api.dto.Role;
import org.openpartner.platform.api.jpa.InLists;
import org.openpartner.platform.api.jpa.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = LayoutAdmin.class)
public class LayoutAdminImpl implements LayoutAdmin {

    static final int MAX_SECTIONS = 50;
    private static final String DEFAULT_SECTION = "Details";

    private final Transactions tx;
    private final ObjectRegistry registry;
    private final RoleService roles;
    private final AccessControl access;

    @Activate
    public LayoutAdminImpl(@Reference(target = "(osgi.unit.name=openpartner-access)") EntityManagerFactory emf,
                           @Reference ObjectRegistry registry, @Reference RoleService roles,
                           @Reference AccessControl access) {
        this.tx = new Transactions(emf);
        this.registry = registry;
        this.roles = roles;
        this.access = access;
    }

    @Override
    public RoleLayout layout(CallContext ctx, String roleKey, String objectName, String recordType) {
        PermissionAdminImpl.requireChannelStaff(ctx);
        Role role = PermissionAdminImpl.requireExternalRole(roles, ctx, roleKey);
        ObjectDefinition object = registry.require(objectName);
        String type = requireRecordType(object, recordTypes(ctx, object), recordType);
        List<LayoutFieldEntity> rows = tx.read(em -> rows(em, ctx.tenantId(), object.name(), type, List.of(role.key())));
        return new RoleLayout(role.key(), object.name(), type, !rows.isEmpty(), sections(rows));
    }

    @Override
    public RoleLayout setLayout(CallContext ctx, String roleKey, String objectName, String recordType, LayoutInput input) {
        PermissionAdminImpl.requireChannelStaff(ctx);
        Role role = PermissionAdminImpl.requireExternalRole(roles, ctx, roleKey);
        ObjectDefinition object = registry.require(objectName);
        String type = requireRecordType(object, recordTypes(ctx, object), recordType);
        List<LayoutSection> sections = validate(object, input);
        return tx.inTransaction(em -> {
            em.createQuery("delete from LayoutFieldEntity f where f.tenantId = :t and f.objectName = :o "
                    + "and f.recordType = :r and f.roleKey = :k")
                .setParameter("t", ctx.tenantId()).setParameter("o", object.name()).setParameter("r", type)
                .setParameter("k", role.key()).executeUpdate();
            for (int s = 0; s < sections.size(); s++) {
                LayoutSection section = sections.get(s);
                for (int p = 0; p < section.fields().size(); p++) {
                    LayoutFieldEntity row = new LayoutFieldEntity();
                    row.setId(Ids.newId());
                    row.setTenantId(ctx.tenantId());
                    row.setRoleKey(role.key());
                    row.setObjectName(object.name());
                    row.setRecordType(type);
                    row.setSectionNo(s);
                    row.setSectionLabel(section.label());
                    row.setPosition(p);
                    row.setFieldName(section.fields().get(p));
                    em.persist(row);
                }
            }
            return new RoleLayout(role.key(), object.name(), type, !sections.isEmpty(), sections);
        });
    }

    /** Labels required, every field the object's and placed once, sections not empty. */
    static List<LayoutSection> validate(ObjectDefinition object, LayoutInput input) {
        if (input == null || input.sections() == null) {
            throw ApiException.badRequest("required", "sections are required (an empty list removes the layout)", "sections");
        }
        if (input.sections().size() > MAX_SECTIONS) {
            throw ApiException.badRequest("too_many", "at most " + MAX_SECTIONS + " sections", "sections");
        }
        Set<String> placed = new LinkedHashSet<>();
        List<LayoutSection> sections = new ArrayList<>();
        for (int s = 0; s < input.sections().size(); s++) {
            LayoutSection section = input.sections().get(s);
            String at = "sections[" + s + "]";
            if (section == null || section.fields() == null || section.fields().isEmpty()) {
                throw ApiException.badRequest("required", at + " needs at least one field", at + ".fields");
            }
            String label = Names.require(section.label(), at + ".label", 200);
            for (String field : section.fields()) {
                if (field == null || object.field(field).isEmpty()) {
                    throw ApiException.badRequest("unknown_field", object.label() + " has no field '" + field + "'",
                        at + ".fields");
                }
                if (!placed.add(field)) {
                    throw ApiException.badRequest("duplicate_field", field + " is placed twice", at + ".fields");
                }
            }
            sections.add(new LayoutSection(label, List.copyOf(section.fields())));
        }
        return sections;
    }

    @Override
    public List<String> creatableRecordTypes(CallContext ctx, String roleKey, String objectName) {
        PermissionAdminImpl.requireChannelStaff(ctx);
        Role role = PermissionAdminImpl.requireExternalRole(roles, ctx, roleKey);
        ObjectDefinition object = registry.require(objectName);
        List<String> all = recordTypes(ctx, object);
        return tx.read(em -> recordTypeRow(em, ctx.tenantId(), role.key(), object.name()))
            .map(row -> all.stream().filter(row.getRecordTypes()::contains).toList()).orElse(all);
    }

    @Override
    public List<String> setCreatableRecordTypes(CallContext ctx, String roleKey, String objectName, Set<String> recordTypes) {
        PermissionAdminImpl.requireChannelStaff(ctx);
        Role role = PermissionAdminImpl.requireExternalRole(roles, ctx, roleKey);
        ObjectDefinition object = registry.require(objectName);
        if (recordTypes == null) {
            throw ApiException.badRequest("required", "recordTypes is required", "recordTypes");
        }
        List<String> all = recordTypes(ctx, object);
        for (String type : recordTypes) {
            if (!all.contains(type)) {
                throw ApiException.badRequest("unknown_record_type", object.label() + " has no record type '" + type
                    + "'; it has " + String.join(", ", all), "recordTypes");
            }
        }
        List<String> chosen = all.stream().filter(recordTypes::contains).toList();
        tx.inTransaction(em -> {
            RoleRecordTypeEntity row = recordTypeRow(em, ctx.tenantId(), role.key(), object.name()).orElse(null);
            if (row == null) {
                row = new RoleRecordTypeEntity();
                row.setId(Ids.newId());
                row.setTenantId(ctx.tenantId());
                row.setRoleKey(role.key());
                row.setObjectName(object.name());
                em.persist(row);
            }
            row.setRecordTypes(chosen);
            return null;
        });
        return chosen;
    }

    @Override
    public RenderedLayout layoutFor(CallContext ctx, String objectName, String recordType) {
        ObjectDefinition object = registry.require(objectName);
        ObjectAccess mine = access.access(ctx, object.name());
        mine.require(Actions.VIEW);
        List<RecordType> types = roles.listRecordTypes(ctx, object.name());
        List<String> all = keys(types);
        String type = requireRecordType(object, all, recordType);
        List<String> roleKeys = new ArrayList<>(new TreeSet<>(ctx.roles()));
        List<LayoutFieldEntity> rows = roleKeys.isEmpty() ? List.of()
            : tx.read(em -> rows(em, ctx.tenantId(), object.name(), type, roleKeys));
        List<LayoutSection> sections = sections(rows);
        if (sections.isEmpty()) {
            List<String> fallback = types.stream().filter(t -> t.key().equals(type)).findFirst()
                .map(RecordType::layout).filter(l -> !l.isEmpty())
                .orElse(object.fields().stream().map(FieldDefinition::name).toList());
            sections = List.of(new LayoutSection(DEFAULT_SECTION, fallback));
        }
        return new RenderedLayout(object.name(), type, render(object, mine, sections), mine.creatableRecordTypes());
    }

    /** Sections merged in role order, each field where it first appears, hidden fields left out. */
    private static List<RenderedLayout.Section> render(ObjectDefinition object, ObjectAccess mine,
                                                       List<LayoutSection> sections) {
        Set<String> placed = new LinkedHashSet<>();
        Map<String, List<RenderedLayout.Field>> byLabel = new LinkedHashMap<>();
        for (LayoutSection section : sections) {
            List<RenderedLayout.Field> fields = byLabel.computeIfAbsent(section.label(), k -> new ArrayList<>());
            for (String name : section.fields()) {
                FieldAccess fieldAccess = mine.field(name);
                FieldDefinition field = object.field(name).orElse(null);
                if (field != null && fieldAccess != FieldAccess.HIDDEN && placed.add(name)) {
                    fields.add(new RenderedLayout.Field(name, field.label(), field.type(), field.required(), fieldAccess));
                }
            }
        }
        List<RenderedLayout.Section> rendered = new ArrayList<>();
        byLabel.forEach((label, fields) -> {
            if (!fields.isEmpty()) {
                rendered.add(new RenderedLayout.Section(label, fields));
            }
        });
        return rendered;
    }

    private List<String> recordTypes(CallContext ctx, ObjectDefinition object) {
        return recordTypeKeys(roles, ctx, object.name());
    }

    /** The keys of the object's record types in the caller's tenant (see {@link #keys}). */
    static List<String> recordTypeKeys(RoleService roles, CallContext ctx, String objectName) {
        return keys(roles.listRecordTypes(ctx, objectName));
    }

    /** The record types' keys; an object without any has the one record type {@link #DEFAULT_RECORD_TYPE}. */
    static List<String> keys(List<RecordType> types) {
        return types.isEmpty() ? List.of(DEFAULT_RECORD_TYPE) : types.stream().map(RecordType::key).toList();
    }

    /** {@code recordType}, or the first of {@code all} when null; 404 when the object has no such record type. */
    private static String requireRecordType(ObjectDefinition object, List<String> all, String recordType) {
        String type = recordType == null ? all.get(0) : recordType;
        if (!all.contains(type)) {
            throw ApiException.notFound("unknown_record_type", object.label() + " has no record type '" + type
                + "'; it has " + String.join(", ", all), "recordType");
        }
        return type;
    }

    private static List<LayoutFieldEntity> rows(EntityManager em, String tenantId, String object, String recordType,
                                                List<String> roleKeys) {
        return InLists.query(roleKeys, keys -> em.createQuery("select f from LayoutFieldEntity f where f.tenantId = :t "
                + "and f.objectName = :o and f.recordType = :r and f.roleKey in :k "
                + "order by f.roleKey, f.sectionNo, f.position", LayoutFieldEntity.class)
            .setParameter("t", tenantId).setParameter("o", object).setParameter("r", recordType)
            .setParameter("k", keys).getResultList());
    }

    /** Rows (ordered by role, section, position) as sections in that order. */
    private static List<LayoutSection> sections(List<LayoutFieldEntity> rows) {
        List<LayoutSection> sections = new ArrayList<>();
        String currentKey = null;
        List<String> fields = null;
        String label = null;
        for (LayoutFieldEntity row : rows) {
            String key = row.getRoleKey() + "/" + row.getSectionNo();
            if (!key.equals(currentKey)) {
                if (fields != null) {
                    sections.add(new LayoutSection(label, List.copyOf(fields)));
                }
                currentKey = key;
                label = row.getSectionLabel();
                fields = new ArrayList<>();
            }
            fields.add(row.getFieldName());
        }
        if (fields != null) {
            sections.add(new LayoutSection(label, List.copyOf(fields)));
        }
        return sections;
    }

    private static Optional<RoleRecordTypeEntity> recordTypeRow(EntityManager em, String tenantId, String role,
                                                                        String object) {
        return em.createQuery("select r from RoleRecordTypeEntity r where r.tenantId = :t and r.objectName = :o "
                + "and r.roleKey = :k", RoleRecordTypeEntity.class)
            .setParameter("t", tenantId).setParameter("o", object).setParameter("k", role)
            .getResultList().stream().findFirst();
    }
}
