package de.kim.cases.privacy;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Search tokens stored before stay findable: the pre-hashed MAC gives the bytes of the JDK's HmacSHA256. */
class TokenMacTest {

    @Test
    void gives_the_jdks_hmac_sha256_for_every_value_and_key_length() throws Exception {
        SecureRandom random = new SecureRandom();
        for (int keyLength : new int[]{16, 32, 64, 65, 100}) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            Mac jdk = Mac.getInstance("HmacSHA256");
            jdk.init(new SecretKeySpec(key, "HmacSHA256"));
            TokenMac mac = new TokenMac(key);
            for (String value : new String[]{"", "n:mu", "n:muellerschmidtbauer", "d:1990-02-03",
                    "p:müller|amina|1990-02-03 and a value longer than one block of sixty-four bytes"}) {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                assertThat(mac.of(bytes)).as("key of %d bytes, value '%s'", keyLength, value).isEqualTo(jdk.doFinal(bytes));
            }
        }
    }
}
