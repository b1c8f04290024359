package dev.elevate.grant.connector;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Finds the connector an entitlement names. */
@ApplicationScoped
public class ConnectorRegistry {

    private final Map<String, AccessConnector> byName;

    @Inject
    public ConnectorRegistry(Instance<AccessConnector> connectors) {
        this.byName = connectors.stream()
                .collect(Collectors.toUnmodifiableMap(AccessConnector::name, Function.identity()));
    }

    public AccessConnector get(String name) throws ConnectorException {
        AccessConnector connector = byName.get(name);
        if (connector == null) {
            throw new ConnectorException("no connector named " + name + " is installed");
        }
        return connector;
    }
}
