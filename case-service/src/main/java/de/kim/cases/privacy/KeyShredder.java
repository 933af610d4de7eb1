package de.kim.cases.privacy;

import de.kim.cases.api.ClientErasedEvent;
import de.kim.platform.privacy.PersonalDataVault;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Shreds a client's key once their erasure is stored. A tracking processor: if the key store
 * is away, the erasure is retried until the key is gone; shredding twice does no harm.
 */
@Component
@ProcessingGroup("kim-key-shredder")
public class KeyShredder {

    private final PersonalDataVault vault;

    public KeyShredder(PersonalDataVault vault) {
        this.vault = vault;
    }

    @EventHandler
    void on(ClientErasedEvent e) {
        vault.shred(e.tenant(), e.caseId().value());
    }
}
