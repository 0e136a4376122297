package org.openpartner.leads.api.dto;

/** How a lead was followed up. */
public enum FollowUpKind { CALL, VISIT, NOTE }
