package de.kim.platform.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import de.kim.platform.config.H2FileSync;
import de.kim.platform.config.Schemas;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Crypto-shredding: one AES-256 data key per person (subject), kept in the key store, a database
 * of its own that every service reaching personal data shares. Each data key is stored wrapped by
 * the current key-encryption key ({@link KeyEncryptionKeys}), which lives outside that database,
 * and bound to its tenant and subject. {@link #seal} encrypts with the subject's key (created on
 * first use), {@link #open} decrypts while the key exists, and {@link #shred} deletes the wrapped
 * key for good, leaving a tombstone so that no new key is ever made for an erased person, and
 * notes the erasure in the service's erasure log. Keys are not cached: a shredded key is gone for
 * every service at once.
 *
 * <p>At start the vault (1) wraps keys still stored unwrapped (key stores of before wrapping) and
 * re-wraps keys wrapped by a previous KEK with the current one, and (2) replays the erasure log:
 * every subject erased through this service is shredded again, so a key store restored from a
 * backup older than an erasure does not bring the person back.
 */
public class PersonalDataVault implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataVault.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** The most data keys {@link #withKeysCached} holds. */
    static final int CACHED_KEYS = 20_000;
    /** Subjects whose rows {@link #prefetchKeys} reads in one query. */
    static final int PREFETCHED_PER_QUERY = 500;

    private final JdbcTemplate keys;
    private final H2FileSync keySync;
    private final ThreadLocal<KeyCache> cachedKeys = new ThreadLocal<>();
    /**
     * One decrypting cipher per thread, initialised afresh for each value: looking the algorithm up
     * among the providers took a tenth of a rebuild's time. (Decryption may reuse a key and nonce;
     * sealing takes a new cipher each time.)
     */
    private static final ThreadLocal<Cipher> DECRYPTING = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no AES/GCM", e);
        }
    });
    private final KeyEncryptionKeys keks;
    private final JdbcTemplate erasureLog;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** A vault with a KEK that lives only as long as this object and no erasure log: for tests. */
    public PersonalDataVault(JdbcTemplate keys, ObjectMapper json, Clock clock) {
        this(keys, KeyEncryptionKeys.ephemeral(), null, json, clock);
    }

    /**
     * @param keys       the key store
     * @param keks       the key-encryption keys, the current one first
     * @param erasureLog the service's own database, where its erasures are noted for replay after a
     *                   restore of the key store; {@code null} for none
     */
    public PersonalDataVault(JdbcTemplate keys, KeyEncryptionKeys keks, JdbcTemplate erasureLog, ObjectMapper json,
                             Clock clock) {
        this.keys = keys;
        this.keks = keks;
        this.erasureLog = erasureLog;
        this.json = json;
        this.clock = clock;
        Schemas.migrate(keys.getDataSource(), "keystore");
        this.keySync = H2FileSync.of(keys.getDataSource(), "key store");
        if (erasureLog != null) {
            Schemas.migrate(erasureLog.getDataSource(), "erasure-log");
        }
        wrapWithCurrentKek();
        replayErasureLog();
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
     * Runs the work with the data keys it opens read once per person, in this thread: for a
     * rebuild, which opens several values of each person one after the other. A key shredded
     * meanwhile stays readable to that work only (the next rebuild sees it gone). At most
     * {@link #CACHED_KEYS} keys are held.
     */
    public void withKeysCached(Runnable work) {
        try (KeysCached cached = cachingKeys()) {
            work.run();
        }
    }

    /**
     * From now until the answer is closed, the data keys this thread opens are read once per person,
     * as in {@link #withKeysCached}: for work that begins and ends in different calls (a processor's
     * batch, begun by its first event and ended when its unit of work is cleaned up).
     */
    public KeysCached cachingKeys() {
        KeyCache before = cachedKeys.get();
        cachedKeys.set(new KeyCache());
        return () -> {
            if (before == null) {
                cachedKeys.remove();
            } else {
                cachedKeys.set(before);
            }
        };
    }

    /** The keys cached in this thread since {@link #cachingKeys}; closing ends it. */
    public interface KeysCached extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Inside {@link #withKeysCached} or {@link #cachingKeys}: reads the key-store rows of these subjects in a few queries
     * (instead of one per subject as they are opened), for the work to open their values next.
     * Outside it, does nothing. Rows of subjects not cached yet only; at most {@link #CACHED_KEYS}.
     */
    public void prefetchKeys(Collection<String> subjects) {
        KeyCache cache = cachedKeys.get();
        if (cache == null) {
            return;
        }
        List<String> wanted = subjects.stream().distinct().filter(subject -> !cache.rows.containsKey(subject))
                .limit(CACHED_KEYS).toList();
        for (int from = 0; from < wanted.size(); from += PREFETCHED_PER_QUERY) {
            List<String> some = wanted.subList(from, Math.min(wanted.size(), from + PREFETCHED_PER_QUERY));
            Map<String, List<KeyRow>> found = new HashMap<>();
            some.forEach(subject -> found.put(subject, new ArrayList<>(1)));
            keys.query("select subject, tenant, secret, wrapped, kek_id, shredded_at from kim_person_key where subject in ("
                    + String.join(",", Collections.nCopies(some.size(), "?")) + ")", KeyRow.MAPPER_WITH_SHREDDING,
                    some.toArray()).forEach(row -> found.get(row.subject()).add(row));
            cache.rows.putAll(found);
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
        KeyCache cache = cachedKeys.get();
        Optional<SecretKey> key = cache == null ? null : cache.keys.get(tenant + "\u0000" + sealed.subject());
        if (key == null) {
            List<KeyRow> rows = cache == null ? null : cache.rows.get(sealed.subject());
            if (rows == null) {
                rows = rows(sealed.subject());
            }
            if (rows.stream().noneMatch(row -> row.tenant().equals(tenant))) {
                throw new ForeignTenantException();
            }
            key = rows.stream().filter(KeyRow::live).findFirst().map(this::dataKey);
            if (cache != null) {
                cache.rows.put(sealed.subject(), rows);
                cache.keys.put(tenant + "\u0000" + sealed.subject(), key);
            }
        }
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.data());
            Cipher cipher = DECRYPTING.get();
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(sealed.subject().getBytes(StandardCharsets.UTF_8));
            return Optional.of(json.readValue(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), type));
        } catch (GeneralSecurityException | IllegalArgumentException | java.io.IOException e) {
            throw new UnreadableSealException(e);
        }
    }

    /**
     * Deletes the subject's wrapped key: whatever was sealed with it is unreadable from now on. The
     * erasure is noted in the service's erasure log first, so that it is replayed after a restore of
     * the key store. Idempotent.
     */
    public void shred(String tenant, String subject) {
        Timestamp now = Timestamp.from(clock.instant());
        if (erasureLog != null) {
            try {
                erasureLog.update("insert into kim_erasure_log (subject, tenant, erased_at) values (?, ?, ?)",
                        subject, tenant, now);
            } catch (DuplicateKeyException alreadyNoted) {
                // erased before, or the shredding is retried
            }
        }
        destroyKey(tenant, subject, now);
    }

    @Override
    public void close() throws Exception {
        keySync.close();
        if (keys.getDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    /**
     * Whether the subject is a person of the tenant: a key, live or shredded, was made for them
     * in that tenant. False for a subject of another tenant and for one never sealed.
     */
    public boolean isOf(String tenant, String subject) {
        return rows(subject).stream().anyMatch(row -> row.tenant().equals(tenant));
    }

    /** Whether the subject's key still exists. */
    public boolean holdsKeyOf(String subject) {
        return rows(subject).stream().anyMatch(KeyRow::live);
    }

    private void destroyKey(String tenant, String subject, Timestamp at) {
        int updated = keys.update("update kim_person_key set secret = null, wrapped = null, kek_id = null, shredded_at = ? "
                + "where subject = ? and shredded_at is null", at, subject);
        if (updated == 0) {
            try {
                keys.update("insert into kim_person_key (subject, tenant, created_at, shredded_at) values (?, ?, ?, ?)",
                        subject, tenant, at, at);
            } catch (DuplicateKeyException alreadyShredded) {
                // shredded before: nothing left to do
            }
        }
    }

    /**
     * Wraps keys still stored in the clear with the current KEK, and re-wraps those wrapped by a
     * previous one. Refuses to go on when a key is wrapped by a KEK that is not given: it would
     * read as erased.
     */
    private void wrapWithCurrentKek() {
        List<KeyRow> stale = keys.query("select subject, tenant, secret, wrapped, kek_id from kim_person_key "
                + "where shredded_at is null and (secret is not null or kek_id is null or kek_id <> ?)", KeyRow.MAPPER,
                keks.currentId());
        int count = 0;
        for (KeyRow row : stale) {
            if (row.wrapped() != null && !keks.knows(row.kekId())) {
                throw new IllegalStateException("the key store holds data keys wrapped by key-encryption key '" + row.kekId()
                        + "', which is not given: add it after the current one (README, Production, rotation)");
            }
            if (row.live()) {
                rewrap(row, raw(row));
                count++;
            }
        }
        if (count > 0) {
            log.info("{} data keys of the key store wrapped with key-encryption key '{}'", count, keks.currentId());
        }
    }

    private void replayErasureLog() {
        if (erasureLog == null) {
            return;
        }
        int replayed = 0;
        for (String[] erased : erasureLog.query("select tenant, subject, erased_at from kim_erasure_log",
                (rs, n) -> new String[]{rs.getString(1), rs.getString(2)})) {
            if (rows(erased[1]).stream().noneMatch(row -> row.shreddedAt() != null)) {
                destroyKey(erased[0], erased[1], Timestamp.from(clock.instant()));
                replayed++;
            }
        }
        if (replayed > 0) {
            log.warn("{} erasures of the erasure log were not in the key store (restored from a backup?) and were "
                    + "applied again", replayed);
        }
    }

    private SecretKey keyFor(String tenant, String subject) throws GeneralSecurityException {
        List<KeyRow> rows = rows(subject);
        if (rows.isEmpty()) {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            byte[] secret = generator.generateKey().getEncoded();
            try {
                keys.update("insert into kim_person_key (subject, tenant, wrapped, kek_id, created_at) values (?, ?, ?, ?, ?)",
                        subject, tenant, keks.wrap(secret, tenant, subject), keks.currentId(), Timestamp.from(clock.instant()));
            } catch (DuplicateKeyException madeConcurrently) {
                return keyFor(tenant, subject);
            }
            return new SecretKeySpec(secret, "AES");
        }
        KeyRow row = rows.get(0);
        if (!tenant.equals(row.tenant())) {
            throw new ForeignTenantException();
        }
        if (!row.live()) {
            throw new IllegalStateException("the subject's personal data was erased; nothing new is sealed for it");
        }
        return dataKey(row);
    }

    /** The row's data key; a key found in the clear (a key store of before wrapping) is wrapped on this use. */
    private SecretKey dataKey(KeyRow row) {
        byte[] raw = raw(row);
        if (row.secret() != null) {
            rewrap(row, raw);
        }
        return new SecretKeySpec(raw, "AES");
    }

    private byte[] raw(KeyRow row) {
        if (row.secret() != null) {
            return Base64.getDecoder().decode(row.secret());
        }
        return keks.unwrap(row.kekId(), row.wrapped(), row.tenant(), row.subject())
                .orElseThrow(() -> new IllegalStateException("a data key is wrapped by key-encryption key '" + row.kekId()
                        + "', which is not given"));
    }

    private void rewrap(KeyRow row, byte[] raw) {
        keys.update("update kim_person_key set wrapped = ?, kek_id = ?, secret = null where subject = ? and shredded_at is null",
                keks.wrap(raw, row.tenant(), row.subject()), keks.currentId(), row.subject());
    }

    private List<KeyRow> rows(String subject) {
        return keys.query("select subject, tenant, secret, wrapped, kek_id, shredded_at from kim_person_key where subject = ?",
                KeyRow.MAPPER_WITH_SHREDDING, subject);
    }

    /** What {@link #withKeysCached} holds: key-store rows by subject, opened data keys by tenant and subject. */
    private static final class KeyCache {
        final Map<String, List<KeyRow>> rows = bounded();
        final Map<String, Optional<SecretKey>> keys = bounded();

        private static <V> Map<String, V> bounded() {
            return new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                    return size() > CACHED_KEYS;
                }
            };
        }
    }

    /** One row of the key store; {@code secret} is a key of before wrapping, held in the clear. */
    private record KeyRow(String subject, String tenant, String secret, String wrapped, String kekId, Timestamp shreddedAt) {

        static final org.springframework.jdbc.core.RowMapper<KeyRow> MAPPER = (rs, n) -> new KeyRow(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), null);
        static final org.springframework.jdbc.core.RowMapper<KeyRow> MAPPER_WITH_SHREDDING = (rs, n) -> new KeyRow(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6));

        boolean live() {
            return shreddedAt == null && (secret != null || wrapped != null);
        }
    }
}
