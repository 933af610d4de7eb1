package de.kim.cases;

import de.kim.platform.testing.StoresWiringContract;
import org.springframework.boot.test.context.SpringBootTest;

/** case-service wires the stores as decided (see {@link StoresWiringContract}). */
@SpringBootTest
class CaseServiceWiringTest extends StoresWiringContract {
}
