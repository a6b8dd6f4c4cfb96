package dev.agentry.infra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;

/** The Spring Boot application: every component under {@code dev.agentry}. */
@SpringBootApplication(scanBasePackages = "dev.agentry", exclude = FlywayAutoConfiguration.class)
public class AgentryApplication {

    public static void main(String[] args) {
        SpringApplication.run(AgentryApplication.class, args);
    }
}
