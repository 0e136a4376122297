package org.openpartner.platform.api.access;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.openpartner.platform.api.ApiException;

/**
 * What one caller may do with one object: the actions it may take and each field's {@link FieldAccess}. Built by
 * the {@link AccessControl}; capabilities ask it before acting and the REST layer masks answers with it.
 */
public final class ObjectAccess {

    private final ObjectDefinition object;
    private final Set<String> actions;
    private final Map<String, FieldAccess> fields;
    private final Supplier<RecordTypes> recordTypes;
    private volatile RecordTypes resolvedRecordTypes;

    /**
     * The object's record types in the tenant and those the caller may create records of (SPEC S4: record types per
     * role), both in the object's order.
     */
    public record RecordTypes(List<String> all, List<String> creatable) {
        public RecordTypes {
            all = List.copyOf(all);
            creatable = List.copyOf(creatable);
        }
    }

    /**
     * @param fields the access of each field of the object; a field not named is {@link FieldAccess#READ_WRITE}
     *               (a system field {@link FieldAccess#READ_ONLY}); {@code id} is never hidden
     */
    public ObjectAccess(ObjectDefinition object, Set<String> actions, Map<String, FieldAccess> fields) {
        this(object, actions, fields, null);
    }

    /**
     * @param recordTypes the record types, asked for on the first {@link #requireCreate} or {@link
     *                    #creatableRecordTypes} (a list needs none); null when record types are not checked
     * @since 1.2
     */
    public ObjectAccess(ObjectDefinition object, Set<String> actions, Map<String, FieldAccess> fields,
                        Supplier<RecordTypes> recordTypes) {
        this.recordTypes = recordTypes;
        this.object = Objects.requireNonNull(object, "object");
        this.actions = Set.copyOf(actions);
        Map<String, FieldAccess> all = new LinkedHashMap<>();
        for (FieldDefinition field : object.fields()) {
            FieldAccess access = fields.getOrDefault(field.name(), FieldAccess.READ_WRITE);
            if (ObjectDefinition.ID_FIELD.equals(field.name())) {
                access = FieldAccess.READ_ONLY;
            } else if (field.system() && access == FieldAccess.READ_WRITE) {
                access = FieldAccess.READ_ONLY;
            }
            all.put(field.name(), access);
        }
        this.fields = Collections.unmodifiableMap(all);
    }

    /** Everything: what channel staff have. */
    public static ObjectAccess unrestricted(ObjectDefinition object) {
        return new ObjectAccess(object, Set.copyOf(object.allActions()), Map.of());
    }

    /** Nothing: no action and every field but the id hidden. */
    public static ObjectAccess none(ObjectDefinition object) {
        Map<String, FieldAccess> hidden = new LinkedHashMap<>();
        object.fields().forEach(f -> hidden.put(f.name(), FieldAccess.HIDDEN));
        return new ObjectAccess(object, Set.of(), hidden);
    }

    public ObjectDefinition object() {
        return object;
    }

    public Set<String> actions() {
        return actions;
    }

    public boolean can(String action) {
        return actions.contains(action);
    }

    /**
     * @throws ApiException 403 {@code action_not_permitted} naming the action when the caller may not take it
     */
    public void require(String action) {
        if (!can(action)) {
            throw ApiException.forbidden("action_not_permitted", "your roles do not allow you to " + action + " "
                + object.label() + " records", "action");
        }
    }

    /**
     * The record types the caller may create records of, in the object's order: empty when it may not create
     * any; null when this access does not check record types.
     *
     * @since 1.2
     */
    public List<String> creatableRecordTypes() {
        RecordTypes types = recordTypes();
        return types == null ? null : can(Actions.CREATE) ? types.creatable() : List.of();
    }

    /**
     * Refuses a create the caller may not make: the {@link Actions#CREATE} action, then the record type, which
     * must be one of the object's and one the caller's roles may create.
     *
     * @param recordType the new record's type; null for the first the caller may create
     * @return the record type to store (null when this access does not check record types and none was given)
     * @throws ApiException 403 {@code action_not_permitted}, 400 {@code unknown_record_type} or 403 {@code
     *         record_type_not_permitted}, the last two naming {@code recordType}
     * @since 1.2
     */
    public String requireCreate(String recordType) {
        require(Actions.CREATE);
        RecordTypes types = recordTypes();
        if (types == null) {
            return recordType;
        }
        if (recordType == null) {
            if (types.creatable().isEmpty()) {
                throw ApiException.forbidden("record_type_not_permitted", "your roles allow you to create no "
                    + object.label() + " record type", "recordType");
            }
            return types.creatable().get(0);
        }
        if (!types.all().contains(recordType)) {
            throw ApiException.badRequest("unknown_record_type", object.label() + " has no record type '" + recordType
                + "'; it has " + String.join(", ", types.all()), "recordType");
        }
        if (!types.creatable().contains(recordType)) {
            throw ApiException.forbidden("record_type_not_permitted", "your roles do not allow you to create "
                + object.label() + " records of type " + recordType, "recordType");
        }
        return recordType;
    }

    private RecordTypes recordTypes() {
        if (recordTypes == null) {
            return null;
        }
        RecordTypes types = resolvedRecordTypes;
        if (types == null) {
            types = recordTypes.get();
            resolvedRecordTypes = types;
        }
        return types;
    }

    /** The access of a field; a name the object does not have is hidden. */
    public FieldAccess field(String name) {
        return fields.getOrDefault(name, FieldAccess.HIDDEN);
    }

    /** Every field of the object with the caller's access to it, in the object's order. */
    public Map<String, FieldAccess> fields() {
        return fields;
    }

    public boolean isVisible(String field) {
        return field(field) != FieldAccess.HIDDEN;
    }

    /** The fields the caller may not see, in the object's order. */
    public Set<String> hiddenFields() {
        Set<String> hidden = new LinkedHashSet<>();
        for (FieldDefinition field : object.fields()) {
            if (fields.get(field.name()) == FieldAccess.HIDDEN) {
                hidden.add(field.name());
            }
        }
        return hidden;
    }

    /**
     * Refuses a request that sends any field hidden from the caller, whatever its value: comparing a sent value
     * with the stored one would tell a hidden value apart. Call it with every field the request sends.
     *
     * @throws ApiException 403 {@code field_hidden} naming the first such field
     */
    public void requireNotHidden(Collection<String> sentFields) {
        for (String name : sentFields) {
            if (field(name) == FieldAccess.HIDDEN) {
                throw ApiException.forbidden("field_hidden", "you may not set " + name, name);
            }
        }
    }

    /**
     * Refuses a write that sets any field the caller may not change. Call it with the fields the request sets
     * on a new record, or changes on an existing one (after {@link #requireNotHidden} with every field sent), before
     * validating their values, so that no error describes a hidden field's value.
     *
     * @throws ApiException 403 {@code field_hidden} or {@code field_read_only} naming the first such field
     */
    public void requireWritable(Collection<String> changedFields) {
        for (String name : changedFields) {
            FieldAccess access = field(name);
            if (access == FieldAccess.HIDDEN) {
                throw ApiException.forbidden("field_hidden", "you may not set " + name, name);
            }
            if (access == FieldAccess.READ_ONLY) {
                throw ApiException.forbidden("field_read_only", name + " is read-only for you", name);
            }
        }
    }

    @Override
    public String toString() {
        return "ObjectAccess[" + object.name() + ", actions=" + actions + ", fields=" + fields + "]";
    }
}
