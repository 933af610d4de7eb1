package de.kim.partners;

import de.kim.platform.testing.StoresWiringContract;
import org.springframework.boot.test.context.SpringBootTest;

/** partner-service wires the stores as decided (see {@link StoresWiringContract}). */
@SpringBootTest
class PartnerServiceWiringTest extends StoresWiringContract {
}
