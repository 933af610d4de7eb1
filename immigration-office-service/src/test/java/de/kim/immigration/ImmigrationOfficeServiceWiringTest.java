package de.kim.immigration;

import de.kim.platform.testing.StoresWiringContract;
import org.springframework.boot.test.context.SpringBootTest;

/** immigration-office-service wires the stores as decided (see {@link StoresWiringContract}). */
@SpringBootTest
class ImmigrationOfficeServiceWiringTest extends StoresWiringContract {
}
