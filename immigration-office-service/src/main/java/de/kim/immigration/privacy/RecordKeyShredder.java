package de.kim.immigration.privacy;

import de.kim.immigration.api.ResidenceRecordErasedEvent;
import de.kim.platform.privacy.PersonalDataVault;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Shreds a residence record's key once its erasure is stored. A tracking processor: if the key
 * store is away, the erasure is retried until the key is gone; shredding twice does no harm.
 */
@Component
@ProcessingGroup("residence-key-shredder")
public class RecordKeyShredder {

    private final PersonalDataVault vault;

    public RecordKeyShredder(PersonalDataVault vault) {
        this.vault = vault;
    }

    @EventHandler
    void on(ResidenceRecordErasedEvent e) {
        vault.shred(e.tenant(), e.recordId().value());
    }
}
