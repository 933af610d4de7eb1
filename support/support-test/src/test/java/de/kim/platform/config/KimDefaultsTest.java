package de.kim.platform.config;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.PropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each support module brings the defaults of its concern; together they hold what a service needs, each key once. */
class KimDefaultsTest {

    @Test
    void every_support_module_brings_the_defaults_of_its_own_concern() {
        List<PropertySource<?>> sources = KimDefaults.load(KimDefaults.LOCATION);

        assertThat(sources).extracting(PropertySource::getName).containsExactly("kim-defaults/core.properties",
                "kim-defaults/messaging.properties", "kim-defaults/privacy.properties",
                "kim-defaults/readmodel.properties", "kim-defaults/security.properties", "kim-defaults/tenants.properties",
                "kim-defaults/web.properties");
        assertThat(value(sources, "kim-defaults/tenants.properties", "kim.tenants.kreis-mettmann.name"))
                .isEqualTo("Kreis Mettmann");
        assertThat(value(sources, "kim-defaults/messaging.properties", "spring.kafka.producer.acks")).isEqualTo("all");
        assertThat(value(sources, "kim-defaults/privacy.properties", "kim.keystore.url")).asString().contains("WRITE_DELAY=0");
        assertThat(value(sources, "kim-defaults/core.properties", "axon.serializer.events")).isEqualTo("jackson");
        assertThat(value(sources, "kim-defaults/web.properties", "spring.web.locale")).isEqualTo("de");
    }

    @Test
    void a_key_set_by_two_modules_is_refused_with_both_names() {
        assertThatThrownBy(() -> KimDefaults.load("classpath*:kim-defaults-clash/*.properties"))
                .hasMessageContaining("kim.example.shared")
                .hasMessageContaining("first.properties").hasMessageContaining("second.properties");
    }

    private static Object value(List<PropertySource<?>> sources, String name, String key) {
        return sources.stream().filter(source -> source.getName().equals(name)).findFirst().orElseThrow().getProperty(key);
    }
}
