package com.cardcoupons.registration;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain knows nothing of Spring; controllers stay inside their feature. */
class ArchitectureTest {

    private final JavaClasses registration = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.cardcoupons.registration");

    @Test
    void domainClassesDoNotDependOnSpring() {
        noClasses().that().resideInAPackage("com.cardcoupons.registration..")
                .and().areNotAnnotatedWith(RestController.class)
                .and().areNotAnnotatedWith(Repository.class)
                .and().areNotAnnotatedWith(Component.class)
                .and().areNotAnnotatedWith(ConfigurationProperties.class)
                .and().areNotAnnotatedWith(SpringBootApplication.class)
                .and().areNotAssignableTo(org.springframework.data.repository.Repository.class)
                .and().haveNameNotMatching(".*\\.PostgresTypes(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(registration);
    }

    @Test
    void controllersArePackagePrivate() {
        classes().that().areAnnotatedWith(RestController.class).should().notBePublic().check(registration);
    }
}
