package vn.ndp.registry.catalog;

import java.util.List;

/**
 * A platform's connection to the data exchange, as the exchange directory
 * knows it. The catalogue shows this instead of a hand-set flag; the exchange
 * module implements it (the catalogue does not depend on the exchange).
 */
public interface ExchangeConnections {

    Connection of(String platformCode);

    /** Services the platform offers through the exchange, and the subsystems allowed to call them. */
    record Connection(boolean registered, List<String> subsystems, List<String> services, List<String> consumers) {

        public static final Connection NONE = new Connection(false, List.of(), List.of(), List.of());
    }
}
