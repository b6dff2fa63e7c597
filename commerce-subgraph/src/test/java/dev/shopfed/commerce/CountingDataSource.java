package dev.shopfed.commerce;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** Wraps the real DataSource to count SQL statements and connections still held. */
public class CountingDataSource extends DelegatingDataSource {

    private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");

    private final AtomicInteger statements = new AtomicInteger();
    private final AtomicInteger openConnections = new AtomicInteger();

    CountingDataSource(DataSource target) {
        super(target);
    }

    public int statements() {
        return statements.get();
    }

    public int openConnections() {
        return openConnections.get();
    }

    public void reset() {
        statements.set(0);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counted(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counted(super.getConnection(username, password));
    }

    private Connection counted(Connection connection) {
        openConnections.incrementAndGet();
        AtomicInteger closed = new AtomicInteger();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (STATEMENT_METHODS.contains(method.getName())) {
                        statements.incrementAndGet();
                    }
                    if (method.getName().equals("close") && closed.getAndIncrement() == 0) {
                        openConnections.decrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getTargetException();
                    }
                });
    }

    /** Import this to count every statement the application runs. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Installer {

        @Bean
        static BeanPostProcessor countingDataSourcePostProcessor() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)
                            ? new CountingDataSource(dataSource)
                            : bean;
                }
            };
        }
    }
}
