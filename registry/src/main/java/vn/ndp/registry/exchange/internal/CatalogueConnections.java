package vn.ndp.registry.exchange.internal;

import org.springframework.stereotype.Component;
import vn.ndp.registry.catalog.ExchangeConnections;
import vn.ndp.registry.exchange.DirectoryEntries;
import vn.ndp.registry.exchange.ExchangeRegister;

@Component
class CatalogueConnections implements ExchangeConnections {

    private final ExchangeRegister register;

    CatalogueConnections(ExchangeRegister register) {
        this.register = register;
    }

    @Override
    public Connection of(String platformCode) {
        var connections = register.connectionsOf(platformCode);
        if (!connections.connected()) {
            return Connection.NONE;
        }
        return new Connection(true, connections.subsystems().stream().map(DirectoryEntries.Subsystem::id).toList(),
                connections.services().stream().map(DirectoryEntries.Service::id).toList(),
                connections.consumers().stream().map(DirectoryEntries.AccessRight::clientId).distinct().toList());
    }
}
