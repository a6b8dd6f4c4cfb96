package dev.agentry.command;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.agentry.command.api.CronSchedule;
import org.axonframework.spring.stereotype.Aggregate;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dev.agentry.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandSideArchitectureTest {

    @ArchTest
    static final ArchRule theWriteModelKnowsNoFrameworkOrVendorBeyondAxon = noClasses()
            .that().resideInAPackage("dev.agentry.command..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.boot..", "io.temporal..", "jakarta.servlet..",
                    "io.modelcontextprotocol..", "software.amazon..", "com.anthropic..", "com.openai..",
                    "com.slack..", "dev.agentry.query..", "dev.agentry.workflows..", "dev.agentry.infra..");

    @ArchTest
    static final ArchRule aggregatesArePackagePrivate = classes()
            .that().areAnnotatedWith(Aggregate.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule onlyTheApiIsPublic = classes()
            .that().resideInAPackage("dev.agentry.command..")
            .and().resideOutsideOfPackage("..api..")
            .should().notBePublic();

    /** CronSchedule is the one public non-message in the api: it computes fire times, nobody sends it. */
    @ArchTest
    static final ArchRule commandsEventsAndValuesAreRecords = classes()
            .that().resideInAPackage("dev.agentry.command.api..")
            .and().areNotEnums()
            .and(not(assignableTo(Throwable.class)))
            .and(not(constantHolders()))
            .and(not(equivalentTo(CronSchedule.class)))
            .should().beRecords();

    private static DescribedPredicate<JavaClass> constantHolders() {
        return DescribedPredicate.describe("holders of constants", javaClass ->
                !javaClass.getFields().isEmpty()
                        && javaClass.getFields().stream().allMatch(field ->
                        field.getModifiers().containsAll(java.util.Set.of(JavaModifier.STATIC, JavaModifier.FINAL)))
                        && javaClass.getConstructors().stream().allMatch(constructor ->
                        constructor.getModifiers().contains(JavaModifier.PRIVATE)));
    }
}
