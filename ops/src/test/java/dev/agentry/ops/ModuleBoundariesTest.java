package dev.agentry.ops;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Dependencies point inward only: ops -> infra -> workflows -> query-side -> command-side api. */
class ModuleBoundariesTest {

    private static final String[] VENDOR_SDKS = {
            "io.temporal..", "com.anthropic..", "com.openai..", "software.amazon..", "com.slack..",
            "io.modelcontextprotocol..", "jakarta.servlet..", "org.springframework.boot.."};

    private static JavaClasses imported;
    private static JavaClasses classes;

    /** Classes of the named modules outside their public {@code api} package. */
    private static DescribedPredicate<JavaClass> internalsOf(String... modules) {
        return DescribedPredicate.describe("internals of " + String.join(", ", modules), javaClass -> {
            String packageName = javaClass.getPackageName();
            for (String module : modules) {
                String root = "dev.agentry." + module;
                if ((packageName.equals(root) || packageName.startsWith(root + "."))
                        && !(packageName.equals(root + ".api") || packageName.startsWith(root + ".api."))) {
                    return true;
                }
            }
            return false;
        });
    }

    @BeforeAll
    static void importAllModules() {
        classes = productionClasses();
    }

    /** Every production class of every module, imported once for all boundary tests. */
    static synchronized JavaClasses productionClasses() {
        if (imported == null) {
            imported = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    // the platform's test fixtures arrive as a test jar, which DO_NOT_INCLUDE_TESTS lets through
                    .withImportOption(location -> !location.asURI().toString().contains("-tests.jar"))
                    .importPackages("dev.agentry");
        }
        return imported;
    }

    @Test
    void commandSideKnowsNoOtherModuleNorAnyVendorSdk() {
        noClasses().that().resideInAPackage("dev.agentry.command..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.agentry.query..", "dev.agentry.workflows..", "dev.agentry.infra..", "dev.agentry.ops..")
                .orShould().dependOnClassesThat().resideInAnyPackage(VENDOR_SDKS)
                .check(classes);
    }

    @Test
    void querySideSeesOnlyTheCommandApi() {
        noClasses().that().resideInAPackage("dev.agentry.query..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.agentry.workflows..", "dev.agentry.infra..", "dev.agentry.ops..")
                .orShould().dependOnClassesThat(internalsOf("command"))
                .orShould().dependOnClassesThat().resideInAnyPackage(VENDOR_SDKS)
                .check(classes);
    }

    @Test
    void workflowsSeeOnlyTheApisAndNoVendorSdkButTemporal() {
        noClasses().that().resideInAPackage("dev.agentry.workflows..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.agentry.infra..", "dev.agentry.ops..")
                .orShould().dependOnClassesThat(internalsOf("command", "query"))
                .orShould().dependOnClassesThat().resideInAnyPackage(
                        "com.anthropic..", "com.openai..", "software.amazon..", "com.slack..",
                        "io.modelcontextprotocol..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void infraDoesNotReachIntoTheExecutable() {
        noClasses().that().resideInAPackage("dev.agentry.infra..")
                .should().dependOnClassesThat().resideInAPackage("dev.agentry.ops..")
                .check(classes);
    }

    @Test
    void infraUsesOnlyThePublicApisOfTheInnerModules() {
        noClasses().that().resideInAPackage("dev.agentry.infra..")
                .should().dependOnClassesThat(internalsOf("command", "query"))
                .check(classes);
    }
}
