package com.cardcoupons.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.List;

/** Registered in {@code META-INF/spring.factories}: applies {@link IsolatedDatabase} to Spring test contexts. */
class IsolatedDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        if (!TestContextAnnotationUtils.hasAnnotation(testClass, IsolatedDatabase.class)) {
            return null;
        }
        return new DatabaseOfItsOwn(outermost(testClass));
    }

    /** {@code @Nested} classes share their enclosing class's context and database. */
    private static Class<?> outermost(Class<?> testClass) {
        Class<?> outer = testClass;
        while (outer.getEnclosingClass() != null && TestContextAnnotationUtils.searchEnclosingClass(outer)) {
            outer = outer.getEnclosingClass();
        }
        return outer;
    }

    /** Equal only for the same test class, so the context cache never shares a database between classes. */
    private record DatabaseOfItsOwn(Class<?> testClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestDatabase database = PostgresTestDatabases.create(testClass.getSimpleName());
            // the service connects as its own role, with the development password its configuration defaults to
            TestPropertyValues.of("spring.datasource.url=" + database.jdbcUrl()).applyTo(context);
            context.getBeanFactory().registerSingleton("isolatedTestDatabase", database);
        }
    }
}
