package com.cardcoupons.platform.validation;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

import java.lang.annotation.ElementType;

/**
 * Bean Validation for requests without the JPA traversable resolver that Hibernate Validator installs whenever JPA is
 * on the class path. That resolver asks the persistence provider, for every property it visits, whether the property
 * is loaded: a question only entities raise. What the services validate are request records, never entities, and the
 * asking cost a few percent of a search's CPU under load.
 */
@AutoConfiguration
public class RequestValidationAutoConfiguration {

    @Bean
    ValidationConfigurationCustomizer requestsAreNotEntities() {
        return configuration -> configuration.traversableResolver(new EveryPropertyTraversable());
    }

    /** Every property is reachable and cascadable: there is no lazy state to protect in a request record. */
    static final class EveryPropertyTraversable implements TraversableResolver {

        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                ElementType elementType) {
            return true;
        }
    }
}
