package de.kim.steering;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Steering (Baustein 1): anonymised figures and the action plan for the steering group, from every service's events. */
@SpringBootApplication
@EnableScheduling
public class SteeringServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SteeringServiceApplication.class, args);
    }
}
