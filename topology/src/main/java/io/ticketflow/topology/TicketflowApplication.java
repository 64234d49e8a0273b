package io.ticketflow.topology;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the ticketflow topology as a Spring Boot application; all settings live under {@code ticketflow.*}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TicketflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(TicketflowApplication.class, args);
    }
}
