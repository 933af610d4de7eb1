package de.kim.steering;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Steering (Baustein 1) */
@SpringBootApplication
public class SteeringServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SteeringServiceApplication.class, args);
    }
}
