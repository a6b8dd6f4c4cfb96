package dev.agentry.ops;

import dev.agentry.infra.platform.AgentryApplication;
import dev.agentry.infra.secrets.SecretStore;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "secrets", description = "Maintenance of the stored secrets.", subcommands = SecretsCommand.Rewrap.class)
class SecretsCommand {

    @Command(name = "rewrap",
            description = {"Re-wraps the data key of every secret not yet under the current key encryption key",
                    "(agentry.secrets.kms-key-id, else AGENTRY_HOME/master.key), then exits (1 when a data key cannot be unwrapped). Secrets themselves are",
                    "never decrypted. Run it against the platform's database (--spring.datasource.url=...) after",
                    "rotating the key; the earlier key must still unwrap (KMS, or the old master.key in place)."})
    static class Rewrap implements Callable<Integer> {

        @Unmatched
        List<String> applicationProperties = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AgentryApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties("agentry.temporal.enabled=false", "agentry.reconciliation.on-startup=false")
                    .run(applicationProperties.toArray(String[]::new))) {
                SecretStore.RewrapReport report = context.getBean(SecretStore.class).rewrapAll();
                spec.commandLine().getOut().printf("Re-wrapped %d data keys under %s%n", report.rewrapped(), report.keyId());
                spec.commandLine().getOut().flush();
                if (!report.unreadable().isEmpty()) {
                    spec.commandLine().getErr().println("No key at hand unwraps the data keys of these secrets, left as they are:");
                    report.unreadable().forEach((secretId, reason) ->
                            spec.commandLine().getErr().println("  " + secretId + ": " + reason));
                    return 1;
                }
                return 0;
            }
        }
    }
}
