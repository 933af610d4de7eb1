package de.kim.platform.config;

import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.TenantId;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * The Kommunen this installation serves and their towns, from configuration
 * ({@code kim.tenants.<id>.name}, {@code kim.tenants.<id>.towns}).
 */
@ConfigurationProperties("kim")
public record TenantDirectory(Map<String, Tenant> tenants) {

    public TenantDirectory {
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }

    /** A Kommune and the towns of its area. */
    public record Tenant(String name, List<String> towns) {
        public Tenant {
            towns = towns == null ? List.of() : List.copyOf(towns);
        }
    }

    /** The tenant, if this installation serves it; otherwise a 400 naming the tenant. */
    public Tenant require(TenantId id) {
        Tenant tenant = tenants.get(id.value());
        if (tenant == null) {
            throw new InvalidInputException("tenant", "kim.tenant.unknown", id.value());
        }
        return tenant;
    }

    public boolean servesTown(TenantId id, String town) {
        return require(id).towns().contains(town);
    }
}
