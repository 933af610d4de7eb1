package de.kim.immigration.privacy;

import de.kim.platform.config.Schemas;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.privacy.Sealed;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's key of the residence records' blind search index ({@link RecordSearchIndex}): 256
 * random bits, made on the tenant's first use and kept in the service's database sealed with a key
 * of the key store (subject {@code record-search-index:<tenant>}), so that neither the read model
 * nor a copy of the service's database alone gives it away. Two instances making it at once agree on
 * the one stored first. It belongs to no person and is never shredded. (The same scheme as
 * case-service's {@code SearchKeys}, with its own table and subject.)
 */
@Component
public class RecordSearchKeys {

    static final String ALGORITHM = "HmacSHA256";
    private static final String SUBJECT_PREFIX = "record-search-index:";

    private final JdbcTemplate jdbc;
    private final PersonalDataVault vault;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKeySpec> keys = new ConcurrentHashMap<>();

    public RecordSearchKeys(JdbcTemplate jdbc, @Lazy PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
        Schemas.migrate(jdbc.getDataSource(), "record-search-keys");
    }

    /** The tenant's HMAC key. */
    public SecretKeySpec of(String tenant) {
        return keys.computeIfAbsent(tenant, this::readOrMake);
    }

    private SecretKeySpec readOrMake(String tenant) {
        String subject = SUBJECT_PREFIX + tenant;
        List<String> stored = jdbc.queryForList("select sealed_key from kim_record_search_key where tenant = ?",
                String.class, tenant);
        if (stored.isEmpty()) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            try {
                jdbc.update("insert into kim_record_search_key (tenant, sealed_key) values (?, ?)", tenant,
                        vault.seal(tenant, subject, Base64.getEncoder().encodeToString(secret)).data());
            } catch (DuplicateKeyException madeConcurrently) {
                return readOrMake(tenant);
            }
            return new SecretKeySpec(secret, ALGORITHM);
        }
        String secret = vault.open(tenant, new Sealed(subject, stored.get(0)), String.class)
                .orElseThrow(() -> new IllegalStateException("the search index key of a tenant is gone from the key store"));
        return new SecretKeySpec(Base64.getDecoder().decode(secret), ALGORITHM);
    }
}
