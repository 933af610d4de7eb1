package de.kim.web;

import org.springframework.context.annotation.PropertySource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A tenant by its name ("Kreis Mettmann"), never by its id: the names the services use
 * ({@code kim.tenants.<id>.name} of support-domain's {@code kim-defaults/tenants.properties}, which the
 * web's own configuration or an environment variable may override). An id without a name stays as it is.
 */
@Component("tenantNames")
@PropertySource("classpath:kim-defaults/tenants.properties")
public class TenantNames {

    private final Environment environment;

    public TenantNames(Environment environment) {
        this.environment = environment;
    }

    public String of(String tenant) {
        return tenant == null ? "" : environment.getProperty("kim.tenants." + tenant + ".name", tenant);
    }
}
