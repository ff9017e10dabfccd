package vn.ndp.registry.exchange.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
        Map<String, Boolean> consumerIsSample = connections.consumers().stream().collect(Collectors.toMap(
                DirectoryEntries.AccessRight::clientId, DirectoryEntries.AccessRight::sample, Boolean::logicalAnd,
                LinkedHashMap::new));
        return new Connection(true, connections.subsystems().stream().map(DirectoryEntries.Subsystem::id).toList(),
                connections.services().stream().map(DirectoryEntries.Service::id).toList(),
                List.copyOf(consumerIsSample.keySet()),
                new Samples(
                        connections.subsystems().stream().filter(DirectoryEntries.Subsystem::sample)
                                .map(DirectoryEntries.Subsystem::id).toList(),
                        connections.services().stream().filter(DirectoryEntries.Service::sample)
                                .map(DirectoryEntries.Service::id).toList(),
                        consumerIsSample.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                                .toList()));
    }
}
