package vn.ndp.registry;

import java.io.Closeable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records the SQL of each statement (or batch) the current thread sends to the database while
 * {@link #during(Runnable)} runs, for tests that count round trips. A test class imports it
 * ({@code @Import(StatementLog.class)}), which wraps the application's DataSource. A batch counts once; a COPY
 * (through the driver's own API) is not recorded.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementLog {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    /** The SQL of each statement the action sent on this thread, in order. */
    public static List<String> during(Runnable action) {
        List<String> sent = new ArrayList<>();
        RECORDING.set(sent);
        try {
            action.run();
        } finally {
            RECORDING.remove();
        }
        return sent;
    }

    @Bean
    static BeanPostProcessor statementLogDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource ? dataSource(dataSource) : bean;
            }
        };
    }

    private static Object dataSource(DataSource target) {
        return proxy(new Class<?>[] {DataSource.class, Closeable.class}, (method, args) -> {
            Object result = invoke(target, method, args);
            return method.getName().equals("getConnection") ? connection((Connection) result) : result;
        });
    }

    private static Object connection(Connection target) {
        return proxy(new Class<?>[] {Connection.class}, (method, args) -> {
            Object result = invoke(target, method, args);
            return switch (method.getName()) {
                case "prepareStatement" -> statement(result, PreparedStatement.class, (String) args[0]);
                case "prepareCall" -> statement(result, CallableStatement.class, (String) args[0]);
                case "createStatement" -> statement(result, Statement.class, null);
                default -> result;
            };
        });
    }

    /** A statement whose executions are recorded: the SQL it was prepared with, or the SQL it is given to run. */
    private static Object statement(Object target, Class<?> type, String prepared) {
        return proxy(new Class<?>[] {type}, (method, args) -> {
            List<String> sent = RECORDING.get();
            if (sent != null && EXECUTIONS.contains(method.getName())) {
                sent.add(prepared != null ? prepared : args != null && args.length > 0 ? (String) args[0] : "batch");
            }
            return invoke(target, method, args);
        });
    }

    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    /** A proxy of the types: equal only to itself, every other call to the handler. */
    private static Object proxy(Class<?>[] types, Handler handler) {
        return Proxy.newProxyInstance(StatementLog.class.getClassLoader(), types, (proxy, method, args) ->
                switch (method.getName()) {
                    case "equals" -> args.length == 1 && proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> handler.handle(method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
