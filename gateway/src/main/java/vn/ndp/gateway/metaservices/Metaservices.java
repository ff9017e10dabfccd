package vn.ndp.gateway.metaservices;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jetty.util.Fields;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.ndp.protocol.errors.XRoadErrorType;
import vn.ndp.protocol.errors.XRoadException;
import vn.ndp.protocol.globalconf.AccessRight;
import vn.ndp.protocol.globalconf.Endpoint;
import vn.ndp.protocol.globalconf.ExchangeDirectory;
import vn.ndp.protocol.globalconf.Member;
import vn.ndp.protocol.globalconf.Service;
import vn.ndp.protocol.globalconf.Subsystem;
import vn.ndp.protocol.identifiers.ServiceId;
import vn.ndp.protocol.identifiers.SubsystemId;

/**
 * The REST metaservices of the Service Metadata Protocol for REST that a consumer gateway answers
 * from its global configuration: {@code listClients}, {@code listMethods} and
 * {@code allowedMethods}. ({@code getOpenAPI} is answered by the provider's gateway, which alone
 * knows where the description lives.) The JSON follows the protocol's examples.
 */
public final class Metaservices {

    public static final String LIST_METHODS = "listMethods";
    public static final String ALLOWED_METHODS = "allowedMethods";
    public static final String GET_OPENAPI = "getOpenAPI";
    public static final Set<String> CODES = Set.of(LIST_METHODS, ALLOWED_METHODS, GET_OPENAPI);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Metaservices() {
    }

    /**
     * Refuses a metaservice request in another method than GET: the protocol defines each as a GET, and answering a
     * DELETE or a POST as if it were one would tell its caller that something was deleted or created.
     */
    public static void requireGet(String method, String metaservice) {
        if (!"GET".equals(method)) {
            throw new XRoadException(XRoadErrorType.CLIENT_BAD_REQUEST, "The metaservice " + metaservice
                    + " takes GET only (X-Road Service Metadata Protocol for REST), not " + method);
        }
    }

    /**
     * The value of the query parameter {@code name} in {@code query}, if given; a repeated parameter is refused, not
     * read as its first or last value (parameter pollution, Message Protocol for REST 4.2).
     */
    public static Optional<String> parameter(Fields query, String name) {
        List<String> values = query.getValues(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new XRoadException(XRoadErrorType.CLIENT_BAD_REQUEST,
                    "The query parameter " + name + " is repeated: give it once");
        }
        return Optional.of(values.getFirst());
    }

    /**
     * {@code GET /listClients[?xRoadInstance=INSTANCE]}: every member and subsystem of {@code instance} in the global
     * configuration, as X-Road lists those of the instance asked for (its own when none is). A global configuration
     * holds one instance and no federated ones, so another instance has no clients here: an empty list, as X-Road
     * answers for an instance its global configuration does not know.
     */
    public static String listClients(ExchangeDirectory directory, Optional<String> instance) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode members = root.putArray("member");
        if (instance.isPresent() && !instance.get().equals(directory.configuration().instance())) {
            return JSON.writeValueAsString(root);
        }
        for (Member member : directory.configuration().members()) {
            ObjectNode item = members.addObject();
            ObjectNode id = item.putObject("id");
            id.put("member_class", member.id().memberClass().name());
            id.put("member_code", member.id().memberCode());
            id.put("object_type", "MEMBER");
            id.put("xroad_instance", member.id().instance());
            item.put("name", member.name());
        }
        for (Subsystem subsystem : directory.configuration().subsystems()) {
            ObjectNode item = members.addObject();
            ObjectNode id = item.putObject("id");
            id.put("member_class", subsystem.id().member().memberClass().name());
            id.put("member_code", subsystem.id().member().memberCode());
            id.put("subsystem_code", subsystem.id().subsystemCode());
            id.put("object_type", "SUBSYSTEM");
            id.put("xroad_instance", subsystem.id().instance());
            item.put("name", directory.member(subsystem.id().member()).map(Member::name).orElse(""));
        }
        return JSON.writeValueAsString(root);
    }

    /** {@code listMethods}: the services {@code provider} offers, optionally only {@code only}. */
    public static String listMethods(ExchangeDirectory directory, SubsystemId provider, Optional<ServiceId> only) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode services = root.putArray("service");
        for (Service service : directory.configuration().services()) {
            if (service.id().provider().equals(provider) && only.map(service.id()::equals).orElse(true)) {
                endpoints(describe(services, service.id()), service.endpoints().isEmpty() ? List.of(Endpoint.anything()) : service.endpoints());
            }
        }
        return JSON.writeValueAsString(root);
    }

    /** {@code allowedMethods}: what {@code client} may call among the services {@code provider} offers. */
    public static String allowedMethods(ExchangeDirectory directory, SubsystemId client, SubsystemId provider,
                                        Optional<ServiceId> only) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode services = root.putArray("service");
        for (Service service : directory.configuration().services()) {
            if (!service.id().provider().equals(provider) || !only.map(service.id()::equals).orElse(true)) {
                continue;
            }
            List<Endpoint> allowed = directory.rightsOf(client).stream()
                    .filter(right -> right.service().equals(service.id()))
                    .flatMap(right -> endpointsOf(right, service).stream())
                    .distinct().sorted().toList();
            if (!allowed.isEmpty()) {
                endpoints(describe(services, service.id()), allowed);
            }
        }
        return JSON.writeValueAsString(root);
    }

    private static List<Endpoint> endpointsOf(AccessRight right, Service service) {
        if (right.endpoint() != null) {
            return List.of(right.endpoint());
        }
        return service.endpoints().isEmpty() ? List.of(Endpoint.anything()) : service.endpoints();
    }

    private static ObjectNode describe(ArrayNode services, ServiceId id) {
        ObjectNode item = services.addObject();
        item.put("member_class", id.member().memberClass().name());
        item.put("member_code", id.member().memberCode());
        item.put("object_type", "SERVICE");
        item.put("service_code", id.serviceCode());
        item.put("service_type", "REST");
        item.put("subsystem_code", id.provider().subsystemCode());
        item.put("xroad_instance", id.instance());
        return item;
    }

    private static void endpoints(ObjectNode service, List<Endpoint> endpoints) {
        ArrayNode list = service.putArray("endpoint_list");
        for (Endpoint endpoint : endpoints) {
            ObjectNode item = list.addObject();
            item.put("method", endpoint.method());
            item.put("path", endpoint.path());
        }
    }
}
