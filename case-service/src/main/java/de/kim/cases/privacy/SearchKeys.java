package de.kim.cases.privacy;

import de.kim.platform.config.Schemas;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.privacy.Sealed;
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
 * Each tenant's key of the blind search index ({@link BlindIndex}): 256 random bits, made on the
 * tenant's first use and kept in the service's database sealed with a key of the key store (subject
 * {@code search-index:<tenant>}), so that neither the read model nor a copy of the service's database
 * alone gives it away. Two instances making it at once agree on the one stored first. Held in memory
 * once read: it belongs to no person and is never shredded.
 */
@Component
public class SearchKeys {

    private static final String SUBJECT_PREFIX = "search-index:";

    private final JdbcTemplate jdbc;
    private final PersonalDataVault vault;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKeySpec> keys = new ConcurrentHashMap<>();

    public SearchKeys(JdbcTemplate jdbc, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
        Schemas.migrate(jdbc.getDataSource(), "search-keys");
    }

    /** The tenant's HMAC key. */
    public SecretKeySpec of(String tenant) {
        return keys.computeIfAbsent(tenant, this::readOrMake);
    }

    private SecretKeySpec readOrMake(String tenant) {
        String subject = SUBJECT_PREFIX + tenant;
        List<String> stored = jdbc.queryForList("select sealed_key from kim_search_key where tenant = ?", String.class, tenant);
        if (stored.isEmpty()) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            try {
                jdbc.update("insert into kim_search_key (tenant, sealed_key) values (?, ?)", tenant,
                        vault.seal(tenant, subject, Base64.getEncoder().encodeToString(secret)).data());
            } catch (DuplicateKeyException madeConcurrently) {
                return readOrMake(tenant);
            }
            return new SecretKeySpec(secret, BlindIndex.ALGORITHM);
        }
        String secret = vault.open(tenant, new Sealed(subject, stored.get(0)), String.class)
                .orElseThrow(() -> new IllegalStateException("the search index key of a tenant is gone from the key store"));
        return new SecretKeySpec(Base64.getDecoder().decode(secret), BlindIndex.ALGORITHM);
    }
}
