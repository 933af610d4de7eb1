package de.kim.platform.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Crypto-shredding: one AES-256 key per person (subject), kept in the key store, a database
 * of its own that every service reaching personal data shares. {@link #seal} encrypts with
 * the subject's key (created on first use), {@link #open} decrypts while the key exists, and
 * {@link #shred} deletes the key for good, leaving a tombstone so that no new key is ever
 * made for an erased person. Keys are not cached: a shredded key is gone for every service
 * at once.
 */
public class PersonalDataVault implements AutoCloseable {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcTemplate keys;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataVault(JdbcTemplate keys, ObjectMapper json, Clock clock) {
        this.keys = keys;
        this.json = json;
        this.clock = clock;
        keys.execute("create table if not exists kim_person_key (subject varchar(64) primary key, "
                + "tenant varchar(64) not null, secret varchar(64), created_at timestamp not null, shredded_at timestamp)");
    }

    /** Encrypts the value's JSON with the subject's key. */
    public Sealed seal(String tenant, String subject, Object value) {
        try {
            byte[] plain = json.writeValueAsBytes(value);
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keyFor(tenant, subject), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return new Sealed(subject, Base64.getEncoder().encodeToString(out));
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal personal data", e);
        }
    }

    /**
     * The value, while its subject's key exists; empty once the person is erased. A key is bound
     * to its tenant: opening data of one tenant for another fails, whatever the caller was told.
     */
    public <T> Optional<T> open(String tenant, Sealed sealed, Class<T> type) {
        if (sealed == null) {
            return Optional.empty();
        }
        if (!isOf(tenant, sealed.subject())) {
            throw new ForeignTenantException();
        }
        Optional<SecretKey> key = existingKey(sealed.subject());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.data());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(sealed.subject().getBytes(StandardCharsets.UTF_8));
            return Optional.of(json.readValue(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), type));
        } catch (GeneralSecurityException | IllegalArgumentException | java.io.IOException e) {
            throw new IllegalStateException("sealed data of a subject cannot be read with its key", e);
        }
    }

    /** Deletes the subject's key: whatever was sealed with it is unreadable from now on. Idempotent. */
    public void shred(String tenant, String subject) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = keys.update("update kim_person_key set secret = null, shredded_at = ? where subject = ? "
                + "and shredded_at is null", now, subject);
        if (updated == 0) {
            try {
                keys.update("insert into kim_person_key (subject, tenant, secret, created_at, shredded_at) values (?, ?, null, ?, ?)",
                        subject, tenant, now, now);
            } catch (DuplicateKeyException alreadyShredded) {
                // shredded before: nothing left to do
            }
        }
    }

    @Override
    public void close() throws Exception {
        if (keys.getDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    /**
     * Whether the subject is a person of the tenant: a key, live or shredded, was made for them
     * in that tenant. False for a subject of another tenant and for one never sealed.
     */
    public boolean isOf(String tenant, String subject) {
        return rows(subject).stream().anyMatch(row -> row[0].equals(tenant));
    }

    /** Whether the subject's key still exists. */
    public boolean holdsKeyOf(String subject) {
        return existingKey(subject).isPresent();
    }

    private SecretKey keyFor(String tenant, String subject) throws GeneralSecurityException {
        List<String[]> rows = rows(subject);
        if (rows.isEmpty()) {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            String secret = Base64.getEncoder().encodeToString(generator.generateKey().getEncoded());
            try {
                keys.update("insert into kim_person_key (subject, tenant, secret, created_at) values (?, ?, ?, ?)",
                        subject, tenant, secret, Timestamp.from(clock.instant()));
            } catch (DuplicateKeyException madeConcurrently) {
                return keyFor(tenant, subject);
            }
            return new SecretKeySpec(Base64.getDecoder().decode(secret), "AES");
        }
        String[] row = rows.get(0);
        if (!tenant.equals(row[0])) {
            throw new ForeignTenantException();
        }
        if (row[1] == null) {
            throw new IllegalStateException("the subject's personal data was erased; nothing new is sealed for it");
        }
        return new SecretKeySpec(Base64.getDecoder().decode(row[1]), "AES");
    }

    private Optional<SecretKey> existingKey(String subject) {
        return rows(subject).stream().map(row -> row[1]).filter(secret -> secret != null)
                .map(secret -> (SecretKey) new SecretKeySpec(Base64.getDecoder().decode(secret), "AES")).findFirst();
    }

    private List<String[]> rows(String subject) {
        return keys.query("select tenant, secret from kim_person_key where subject = ?",
                (rs, n) -> new String[]{rs.getString(1), rs.getString(2)}, subject);
    }
}
