package dev.elevate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.quarkus.security.Authenticated;

/** Keeps HTTP and page rendering in the web layer, and target systems behind connectors. */
@AnalyzeClasses(packages = "dev.elevate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNoJaxRs = noClasses()
            .that().resideOutsideOfPackages("dev.elevate.web..", "dev.elevate.grant.connector..",
                    "dev.elevate.identity.directory..")
            .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
            .because("only the web layer speaks HTTP; connectors and the directory see JAX-RS "
                    + "through their client library");

    @ArchTest
    static final ArchRule domainRendersNoPages = noClasses()
            .that().resideOutsideOfPackages("dev.elevate.web..", "dev.elevate.notification.slack..")
            .should().dependOnClassesThat().resideInAPackage("io.quarkus.qute..")
            .because("pages belong to the web layer; Slack messages are templates of their own");

    @ArchTest
    static final ArchRule onlyConnectorsTouchKeycloakAdmin = noClasses()
            .that().resideOutsideOfPackages("dev.elevate.grant.connector..",
                    "dev.elevate.identity.directory..")
            .should().dependOnClassesThat().resideInAPackage("org.keycloak.admin..")
            .because("connectors are the only code that changes target systems; the directory "
                    + "only reads people and groups");

    @ArchTest
    static final ArchRule everyApiResourceRequiresSignIn = classes()
            .that().resideInAPackage("dev.elevate.web.api")
            .and().areAnnotatedWith(Path.class)
            .should().beAnnotatedWith(Authenticated.class).orShould().beAnnotatedWith(RolesAllowed.class)
            .because("an API resource without a security annotation would be open to anyone");

    @ArchTest
    static final ArchRule domainDoesNotReachIntoWeb = noClasses()
            .that().resideOutsideOfPackage("dev.elevate.web..")
            .should().dependOnClassesThat().resideInAPackage("dev.elevate.web..");
}
