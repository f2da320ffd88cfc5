package org.compactreview.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the statements sent to PostgreSQL by SQL text while switched on, for the benchmark's
 * counted round only: only connections taken while it is on are wrapped, so the timed rounds pay
 * one check per connection taken, nothing per statement. A batch counts once per execution (one
 * round trip), however many rows it carries.
 */
final class StatementCounter implements BeanPostProcessor {

    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();
    private static volatile boolean on;

    static void start() {
        COUNTS.clear();
        on = true;
    }

    /** Pauses counting; returns whether it was on, for {@link #resume}. */
    static boolean pause() {
        boolean was = on;
        on = false;
        return was;
    }

    static void resume(boolean counting) {
        on = counting;
    }

    /** Stops counting; returns the statements counted, most frequent first. */
    static List<Map.Entry<String, Long>> stop() {
        on = false;
        return COUNTS.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().sum()))
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .toList();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            // AutoCloseable too: the pool is closed through the bean's close method at shutdown.
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = method.invoke(target, args);
                // Connections taken while counting is off are the pool's own: no cost per statement.
                return on && result instanceof Connection connection ? counted(connection) : result;
            });
        }
        return bean;
    }

    private static Connection counted(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = method.invoke(target, args);
            if (result instanceof PreparedStatement statement && args != null && args[0] instanceof String sql) {
                return counted(statement, sql);
            }
            return result;
        });
    }

    private static PreparedStatement counted(PreparedStatement statement, String sql) {
        String key = sql.replaceAll("\\s+", " ").trim();
        return proxy(PreparedStatement.class, statement, (target, method, args) -> {
            if (on && method.getName().startsWith("execute")) {
                COUNTS.computeIfAbsent(key, k -> new LongAdder()).increment();
            }
            return method.invoke(target, args);
        });
    }

    private interface Call<T> {
        Object invoke(T target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Call<T> call) {
        InvocationHandler handler = (self, method, args) -> {
            try {
                return call.invoke(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type, AutoCloseable.class}, handler);
    }
}
