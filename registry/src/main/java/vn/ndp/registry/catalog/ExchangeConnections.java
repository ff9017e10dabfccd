package vn.ndp.registry.catalog;

import java.util.List;

/**
 * A platform's connection to the data exchange, as the exchange directory
 * knows it. The catalogue shows this instead of a hand-set flag; the exchange
 * module implements it (the catalogue does not depend on the exchange).
 */
public interface ExchangeConnections {

    Connection of(String platformCode);

    /**
     * Services the platform offers through the exchange, and the subsystems allowed to call them; {@code sample}
     * names the entries that exist only as sample data.
     */
    record Connection(boolean registered, List<String> subsystems, List<String> services, List<String> consumers,
            Samples sample) {

        public static final Connection NONE =
                new Connection(false, List.of(), List.of(), List.of(), new Samples(List.of(), List.of(), List.of()));
    }

    /**
     * The sample entries among a connection's: subsystems and services marked as sample, and consumers whose every
     * grant to the platform's services is a sample grant.
     */
    record Samples(List<String> subsystems, List<String> services, List<String> consumers) {
    }
}
