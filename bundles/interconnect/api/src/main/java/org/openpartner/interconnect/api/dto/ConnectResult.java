package org.openpartner.interconnect.api.dto;

import java.util.List;

/** A new connection and the external users made for its connector contacts. */
public record ConnectResult(Connection connection, List<ConnectorAccount> connectors) {
}
