package dev.agentry.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class QuerySideArchitectureTest {

    private static final JavaClasses QUERY_SIDE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.agentry.query");

    @Test
    void querySideSeesOnlyTheCommandSideApi() {
        noClasses().that().resideInAPackage("dev.agentry.query..")
                .should().dependOnClassesThat(resideInAPackage("dev.agentry.command..")
                        .and(resideOutsideOfPackage("dev.agentry.command.api..")))
                .check(QUERY_SIDE);
    }

    @Test
    void querySideKnowsNoOuterModuleFrameworkBootOrVendorSdk() {
        noClasses().that().resideInAPackage("dev.agentry.query..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.agentry.workflows..", "dev.agentry.infra..", "dev.agentry.ops..",
                        "io.temporal..", "org.springframework.boot..",
                        "com.anthropic..", "com.openai..", "software.amazon..", "com.slack..",
                        "io.modelcontextprotocol..", "io.opentelemetry..")
                .check(QUERY_SIDE);
    }

    /** The api, and the write buffer that the projections of every package share. */
    @Test
    void onlyTheApiAndTheSharedWritesArePublic() {
        classes().that().resideInAPackage("dev.agentry.query..")
                .and().resideOutsideOfPackage("dev.agentry.query.api..")
                .and().resideOutsideOfPackage("dev.agentry.query.write..")
                .should().notBePublic()
                .check(QUERY_SIDE);
    }

    @Test
    void queriesAndResultsAreRecords() {
        classes().that().resideInAPackage("dev.agentry.query.api..")
                .should().beRecords()
                .check(QUERY_SIDE);
    }
}
