package de.kim.steering;

import de.kim.platform.testing.StoresWiringContract;
import org.springframework.boot.test.context.SpringBootTest;

/** steering-service wires the stores as decided (see {@link StoresWiringContract}). */
@SpringBootTest
class SteeringServiceWiringTest extends StoresWiringContract {
}
