package de.kim.platform.privacy;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Each tenant's key of a service's blind index ({@link BlindIndex}): 256 random bits, made on the
 * tenant's first use and kept in the service's database (a table of the service's own, made by its
 * migrations: {@code tenant} primary key, {@code sealed_key}) sealed with a key of the key store under
 * the subject {@code <subject prefix><tenant>}, so that neither the read model nor a copy of the
 * service's database alone gives it away. Two instances making it at once agree on the one stored
 * first. Held in memory once read: it belongs to no person and is never shredded.
 */
public class BlindIndexKeys {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_]+");

    private final JdbcTemplate jdbc;
    private final PersonalDataVault vault;
    private final String table;
    private final String subjectPrefix;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKeySpec> keys = new ConcurrentHashMap<>();

    /**
     * @param table         the service's table of the keys (made by the service's migrations)
     * @param subjectPrefix the key store's subject of a tenant's key, before the tenant: each service its own
     */
    public BlindIndexKeys(JdbcTemplate jdbc, PersonalDataVault vault, String table, String subjectPrefix) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.jdbc = jdbc;
        this.vault = vault;
        this.table = table;
        this.subjectPrefix = subjectPrefix;
    }

    /** The tenant's HMAC key. */
    public SecretKeySpec of(String tenant) {
        return keys.computeIfAbsent(tenant, this::readOrMake);
    }

    private SecretKeySpec readOrMake(String tenant) {
        String subject = subjectPrefix + tenant;
        List<String> stored = jdbc.queryForList("select sealed_key from " + table + " where tenant = ?",
                String.class, tenant);
        if (stored.isEmpty()) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            try {
                jdbc.update("insert into " + table + " (tenant, sealed_key) values (?, ?)", tenant,
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
