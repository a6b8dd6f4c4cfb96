package dev.agentry.infra.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring Boot application: every component under {@code dev.agentry}. */
@SpringBootApplication(scanBasePackages = "dev.agentry")
@ConfigurationPropertiesScan("dev.agentry")
public class AgentryApplication {

    public static void main(String[] args) {
        SpringApplication.run(AgentryApplication.class, args);
    }
}
