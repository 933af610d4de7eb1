package de.kim.immigration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The immigration office (Baustein 3): residence records and screening for pathways to a secure status. */
@SpringBootApplication
@EnableScheduling
public class ImmigrationOfficeServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ImmigrationOfficeServiceApplication.class, args);
    }
}
