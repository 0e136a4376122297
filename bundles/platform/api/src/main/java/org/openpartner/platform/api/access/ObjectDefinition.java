package org.openpartner.platform.api.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An object a capability owns, as the access model sees it.
 *
 * @param name                    stable key, lower-case letters, digits and dashes ({@code partner}, {@code lead})
 * @param fields                  the fields its answers carry; {@code id} must be one of them
 * @param actions                 the object's own actions beside {@link Actions#STANDARD} ({@code claim}, ...)
 * @param defaultExternalActions  what an external role may do with it until the upstream configures that role
 *                                for this object (e.g. view for objects an app exposes)
 * @param defaultInternalActions  what every employee of the tenant may do with it whatever its roles (e.g. view
 *                                for announcements); internal roles add to it
 * @param shareable               whether records are owned and shared record by record (data scopes, teams, rules)
 */
public record ObjectDefinition(String name, String label, List<FieldDefinition> fields, List<String> actions,
                               Set<String> defaultExternalActions, Set<String> defaultInternalActions,
                               boolean shareable) {

    /** Every object has it; it can never be hidden, since nothing could refer to a record without it. */
    public static final String ID_FIELD = "id";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    public ObjectDefinition {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("object name must be lower-case letters, digits and dashes: " + name);
        }
        label = label == null ? name : label;
        fields = List.copyOf(fields);
        actions = actions == null ? List.of() : List.copyOf(actions);
        defaultExternalActions = defaultExternalActions == null ? Set.of() : Set.copyOf(defaultExternalActions);
        defaultInternalActions = defaultInternalActions == null ? Set.of() : Set.copyOf(defaultInternalActions);
        if (fields.stream().noneMatch(f -> ID_FIELD.equals(f.name()))) {
            throw new IllegalArgumentException("object " + name + " has no id field");
        }
        if (fields.stream().map(FieldDefinition::name).distinct().count() != fields.size()) {
            throw new IllegalArgumentException("object " + name + " names a field twice");
        }
        for (Set<String> defaults : List.of(defaultExternalActions, defaultInternalActions)) {
            for (String action : defaults) {
                if (!Actions.STANDARD.contains(action) && !actions.contains(action)) {
                    throw new IllegalArgumentException("object " + name + " has no action " + action);
                }
            }
        }
    }

    /** The standard actions followed by the object's own. */
    public List<String> allActions() {
        Set<String> all = new LinkedHashSet<>(Actions.STANDARD);
        all.addAll(actions);
        return new ArrayList<>(all);
    }

    public Optional<FieldDefinition> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }
}
