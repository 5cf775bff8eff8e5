package dev.godwit.runtime;

import java.util.List;

/**
 * A registry found through {@link java.util.ServiceLoader}: listed in this module's test resources
 * ({@code META-INF/services/dev.godwit.runtime.MigrationRegistry}), as a generated one would be.
 */
public final class DiscoveredRegistry implements MigrationRegistry {

    static final String ID = "discovered_v1";

    @Override
    public List<MigrationDefinition> migrations() {
        return List.of(MigrationDefinition.code(ID, DiscoveredRegistry.class.getName() + "#discovered"));
    }

    @Override
    public void run(int index, MigrationInvocation invocation) {
        TestRegistry.insertEvent(invocation, ID);
    }
}
