package vn.ndp.gateway.config;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where two configurations of one gateway differ, named by the path of each setting ({@code listen.provider},
 * {@code messageLog.bodyKey}). A running gateway takes a new configuration file's local systems ({@code clients}) and
 * services ({@code services}) without a restart; anything else differing needs a restart, and this names it.
 */
public final class ConfigurationDifferences {

    /** The parts a running gateway replaces on a reload. */
    public static final Set<String> RELOADABLE = Set.of("clients", "services");

    private ConfigurationDifferences() {
    }

    /** The settings outside {@link #RELOADABLE} that differ between {@code running} and {@code fresh}. */
    public static List<String> needingRestart(GatewayConfiguration running, GatewayConfiguration fresh) {
        List<String> differences = new ArrayList<>();
        for (RecordComponent component : GatewayConfiguration.class.getRecordComponents()) {
            if (!RELOADABLE.contains(component.getName())) {
                compare(component.getName(), value(component, running), value(component, fresh), differences);
            }
        }
        return differences;
    }

    /** Records component by component, optionals by their contents, byte arrays by their bytes, the rest by equals. */
    private static void compare(String path, Object a, Object b, List<String> differences) {
        if (a instanceof Optional<?> x && b instanceof Optional<?> y) {
            if (x.isPresent() && y.isPresent()) {
                compare(path, x.get(), y.get(), differences);
            } else if (x.isPresent() != y.isPresent()) {
                differences.add(path);
            }
        } else if (a instanceof byte[] x && b instanceof byte[] y) {
            if (!Arrays.equals(x, y)) {
                differences.add(path);
            }
        } else if (a != null && b != null && a.getClass().isRecord() && a.getClass() == b.getClass()) {
            for (RecordComponent component : a.getClass().getRecordComponents()) {
                compare(path + "." + component.getName(), value(component, a), value(component, b), differences);
            }
        } else if (!Objects.equals(a, b)) {
            differences.add(path);
        }
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
