package de.kim.immigration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The immigration office (Baustein 3) */
@SpringBootApplication
public class ImmigrationOfficeServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ImmigrationOfficeServiceApplication.class, args);
    }
}
