package de.kim.platform.privacy;

/**
 * Personal data encrypted with the key of the person it is about ({@code subject}): AES-GCM,
 * the nonce first, then ciphertext and tag, in Base64. Once the key is shredded, nobody can
 * read it again, wherever copies of it lie (event store, topics, backups).
 */
public record Sealed(String subject, String data) {

    public Sealed {
        if (subject == null || subject.isBlank() || data == null || data.isBlank()) {
            throw new IllegalArgumentException("sealed data names its subject and holds ciphertext");
        }
    }
}
