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
import org.springframework.stereotype.Component;

/**
 * Records the SQL of each statement (or batch) the current thread sends to the database while
 * {@link #during(Action)} runs, for tests that count round trips. Scanned into the common test context, it wraps the
 * application's DataSource and records nothing for a thread that is not in {@code during}, so the tests that do not
 * use it are served as without it. A batch counts once; a COPY (through the driver's own API) is not recorded.
 */
@Component
public class StatementLog implements BeanPostProcessor {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    /** What a test does while its statements are recorded; it may throw what the test method declares. */
    @FunctionalInterface
    public interface Action<T> {
        T run() throws Exception;
    }

    /** What the action returned, and the SQL of each statement it sent on this thread, in order. */
    public record Recorded<T>(T result, List<String> sent) {
    }

    public static <T> Recorded<T> during(Action<T> action) throws Exception {
        List<String> sent = new ArrayList<>();
        RECORDING.set(sent);
        try {
            return new Recorded<>(action.run(), sent);
        } finally {
            RECORDING.remove();
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource ? dataSource(dataSource) : bean;
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
