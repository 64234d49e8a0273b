package io.ticketflow.approvals;

import io.ticketflow.approvals.config.ApprovalServiceProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The approval service: the approvals ledger, its HTTP API and live events, and the reviewer page. */
@SpringBootApplication
@EnableConfigurationProperties(ApprovalServiceProperties.class)
public class ApprovalServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ApprovalServiceApplication.class, args);
    }
}
