package com.cardcoupons.couponserver.search;

import org.springframework.beans.factory.config.BeanPostProcessor;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the SQL statements the application prepares, by wrapping its DataSource: every statement is prepared once
 * per execution by Spring's JDBC templates, so the count is the number of round trips a request costs.
 */
final class StatementCounter implements BeanPostProcessor {

    private static final Set<String> PREPARING = Set.of("prepareStatement", "prepareCall", "createStatement");

    private final AtomicLong statements = new AtomicLong();

    long count() {
        return statements.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    delegating(dataSource, (method, result) -> method.getName().equals("getConnection")
                            ? Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                                    delegating(result, (inner, statement) -> {
                                        if (PREPARING.contains(inner.getName())) {
                                            statements.incrementAndGet();
                                        }
                                        return statement;
                                    }))
                            : result));
        }
        return bean;
    }

    private static InvocationHandler delegating(Object target, Decorator decorator) {
        return (proxy, method, args) -> {
            try {
                return decorator.decorate(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }

    private interface Decorator {
        Object decorate(Method method, Object result);
    }
}
