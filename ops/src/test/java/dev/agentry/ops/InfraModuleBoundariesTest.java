package dev.agentry.ops;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.temporal.activity.ActivityInterface;
import io.temporal.workflow.WorkflowInterface;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * infra/ is one module per outside system: each vendor SDK is used only by the module that adapts its
 * system, the MCP server and the LLM providers do not know each other, workflows hold the workflows,
 * activity interfaces and ports while infra/temporal holds every activity implementation, and a class's
 * package names the module folder it lives in.
 */
class InfraModuleBoundariesTest {

    /** Package root under dev.agentry.infra -> the folder under infra/ that holds it. */
    static final Map<String, String> MODULE_OF_PACKAGE = Map.of(
            "postgres", "postgres",
            "llm", "llm-providers",
            "blob", "blob-storage",
            "temporal", "temporal",
            "mcp", "mcp-server",
            "secrets", "secrets",
            "slack", "slack",
            "telemetry", "telemetry",
            "platform", "platform");

    private static JavaClasses classes;

    @BeforeAll
    static void importAllModules() {
        classes = ModuleBoundariesTest.productionClasses();
    }

    @Test
    void theLlmVendorSdksAreUsedOnlyByTheLlmProviders() {
        noClasses().that().resideOutsideOfPackage("dev.agentry.infra.llm..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.anthropic..", "com.openai..", "software.amazon.awssdk.services.bedrockruntime..")
                .check(classes);
    }

    @Test
    void theS3ClientIsUsedOnlyByTheBlobStorage() {
        noClasses().that().resideOutsideOfPackage("dev.agentry.infra.blob..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk.services.s3..")
                .check(classes);
    }

    @Test
    void theAwsKmsClientIsUsedOnlyByTheSecretsAdapter() {
        noClasses().that().resideOutsideOfPackage("dev.agentry.infra.secrets..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk.services.kms..")
                .check(classes);
    }

    @Test
    void theSlackSdkIsUsedOnlyByTheSlackAdapter() {
        noClasses().that().resideOutsideOfPackage("dev.agentry.infra.slack..")
                .should().dependOnClassesThat().resideInAnyPackage("com.slack.api..")
                .check(classes);
    }

    @Test
    void theMcpSdkAndTheServletApiAreUsedOnlyByTheMcpServer() {
        noClasses().that().resideOutsideOfPackage("dev.agentry.infra.mcp..")
                .should().dependOnClassesThat().resideInAnyPackage("io.modelcontextprotocol..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void temporalIsUsedOnlyByTheWorkflowsAndTheTemporalAdapter() {
        noClasses().that().resideOutsideOfPackages("dev.agentry.workflows..", "dev.agentry.infra.temporal..")
                .should().dependOnClassesThat().resideInAPackage("io.temporal..")
                .check(classes);
    }

    /** Everything else uses the OpenTelemetry API, a no-op unless infra/telemetry installs the SDK. */
    @Test
    void theOpenTelemetrySdkAndItsExportersAreUsedOnlyByTheTelemetryAdapter() {
        noClasses().that().resideOutsideOfPackage("dev.agentry.infra.telemetry..")
                .should().dependOnClassesThat().resideInAnyPackage("io.opentelemetry.sdk..", "io.opentelemetry.exporter..")
                .check(classes);
    }

    @Test
    void postgresqlFlywayAndTheEmbeddedPostgresqlAreUsedOnlyByThePostgresAdapter() {
        noClasses().that().resideOutsideOfPackage("dev.agentry.infra.postgres..")
                .should().dependOnClassesThat().resideInAnyPackage("org.postgresql..", "org.flywaydb..", "io.zonky..")
                .check(classes);
    }

    @Test
    void theMcpServerAndTheLlmProvidersDoNotSeeEachOther() {
        noClasses().that().resideInAPackage("dev.agentry.infra.mcp..")
                .should().dependOnClassesThat().resideInAPackage("dev.agentry.infra.llm..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.agentry.infra.llm..")
                .should().dependOnClassesThat().resideInAPackage("dev.agentry.infra.mcp..")
                .check(classes);
    }

    @Test
    void workflowsHoldActivityInterfacesButNoActivityImplementation() {
        noClasses().that().resideInAPackage("dev.agentry.workflows..").and().areNotInterfaces()
                .should().implement(annotatedActivityInterface())
                .check(classes);
    }

    @Test
    void everyActivityImplementationLivesInTheTemporalAdapter() {
        classes().that().implement(annotatedActivityInterface()).and().areNotInterfaces()
                .should().resideInAPackage("dev.agentry.infra.temporal..")
                .check(classes);
    }

    @Test
    void everyWorkflowImplementationLivesInTheWorkflowsModule() {
        classes().that().implement(DescribedPredicate.describe("a workflow interface",
                        (JavaClass type) -> type.isAnnotatedWith(WorkflowInterface.class)))
                .and().areNotInterfaces()
                .should().resideInAPackage("dev.agentry.workflows..")
                .check(classes);
    }

    @Test
    void everyInfraPackageLivesInTheModuleFolderItNames() {
        classes().that(resideInAPackage("dev.agentry.infra.."))
                .should(comeFromTheModuleFolderTheirPackageNames())
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> annotatedActivityInterface() {
        return DescribedPredicate.describe("an activity interface",
                type -> type.isInterface() && type.isAnnotatedWith(ActivityInterface.class));
    }

    /** A class of dev.agentry.infra.X comes from the jar or classes folder of infra/MODULE_OF_PACKAGE(X). */
    private static ArchCondition<JavaClass> comeFromTheModuleFolderTheirPackageNames() {
        return new ArchCondition<>("come from the module folder their package names") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String root = type.getPackageName().substring("dev.agentry.infra.".length()).split("\\.")[0];
                String module = MODULE_OF_PACKAGE.get(root);
                String location = type.getSource().map(source -> source.getUri().toString()).orElse("");
                boolean satisfied = module != null
                        && (location.contains("/infra/" + module + "/target/") || location.contains("/infra-" + module + "-"));
                events.add(new SimpleConditionEvent(type, satisfied, type.getName() + " (package root '" + root
                        + "') comes from " + location + (module == null ? ", and no module folder is named for it"
                        : ", not from infra/" + module)));
            }
        };
    }
}
