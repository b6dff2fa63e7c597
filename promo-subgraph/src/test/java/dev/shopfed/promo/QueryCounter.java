package dev.shopfed.promo;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the DataSource so that every statement prepared on its connections is recorded: batching tests count the
 * SQL a request really runs, not what the code claims to run.
 */
public class QueryCounter implements BeanPostProcessor {

    private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "prepareCall", "createStatement");

    private final List<String> statements = new CopyOnWriteArrayList<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource dataSource)) {
            return bean;
        }
        return proxy(DataSource.class, dataSource, (method, args, result) ->
                method.getName().equals("getConnection") ? proxy(Connection.class, (Connection) result, this::record)
                        : result);
    }

    public void reset() {
        statements.clear();
    }

    /** The SQL of every statement since the last reset, in order. */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    private Object record(Method method, Object[] args, Object result) {
        if (STATEMENT_METHODS.contains(method.getName())) {
            statements.add(args != null && args.length > 0 ? String.valueOf(args[0]) : "<plain statement>");
        }
        return result;
    }

    private interface AfterCall {
        Object apply(Method method, Object[] args, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, AfterCall afterCall) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return afterCall.apply(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
