package org.openpartner.access.api.dto;

import java.util.List;

/** Users to add to a user group. */
public record GroupMembersInput(List<String> userIds) {
}
