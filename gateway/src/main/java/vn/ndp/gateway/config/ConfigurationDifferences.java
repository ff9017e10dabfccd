package vn.ndp.gateway.config;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where two configurations of one gateway differ, named by each setting's key in the configuration file
 * ({@code listen.provider}, {@code messageLog.bodyKeyFile}), which is what an operator edits. A running gateway takes a
 * new configuration file's local systems ({@code clients}) and services ({@code services}) without a restart; anything
 * else differing needs a restart, and this names it.
 */
public final class ConfigurationDifferences {

    /** The parts a running gateway replaces on a reload. */
    public static final Set<String> RELOADABLE = Set.of("clients", "services");

    /**
     * The file's key of each setting that {@link GatewayConfiguration} keeps under another name: the reader turns a size
     * into bytes, a file into what it holds, and the {@code timestamping} object into settings of the message log. Every
     * other setting's path of record components is its key (ConfigurationDifferencesTests checks that each is one the
     * reader accepts).
     */
    static final Map<String, String> FILE_KEYS = Map.ofEntries(
            Map.entry("limits.maxBodyBytes", "limits.maxBodySize"),
            Map.entry("monitoring.usageToken", "monitoring.usageTokenFile"),
            Map.entry("messageLog.directory", "messageLog.dir"),
            Map.entry("messageLog.maxBodyBytes", "messageLog.maxBodySize"),
            Map.entry("messageLog.bodyKey", "messageLog.bodyKeyFile"),
            Map.entry("messageLog.maxFileBytes", "messageLog.maxFileSize"),
            Map.entry("messageLog.timestampUrl", "messageLog.timestamping.url"),
            Map.entry("messageLog.timestampInterval", "messageLog.timestamping.interval"),
            Map.entry("messageLog.timestampTimeout", "messageLog.timestamping.timeout"),
            Map.entry("messageLog.outageWindow", "messageLog.timestamping.outageWindow"),
            Map.entry("messageLog.onOutage", "messageLog.timestamping.onOutage"),
            Map.entry("messageLog.evidenceToken", "messageLog.evidenceTokenFile"));

    private ConfigurationDifferences() {
    }

    /** The keys of the settings outside {@link #RELOADABLE} that differ between {@code running} and {@code fresh}. */
    public static List<String> needingRestart(GatewayConfiguration running, GatewayConfiguration fresh) {
        List<String> differences = new ArrayList<>();
        for (RecordComponent component : GatewayConfiguration.class.getRecordComponents()) {
            if (!RELOADABLE.contains(component.getName())) {
                compare(component.getName(), value(component, running), value(component, fresh), differences);
            }
        }
        return differences.stream().map(path -> FILE_KEYS.getOrDefault(path, path)).toList();
    }

    /**
     * Sections of the file component by component, optionals by their contents, byte arrays by their bytes, the rest
     * (identifiers too, though records: a gateway id is one key) by equals.
     */
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
        } else if (a != null && b != null && section(a.getClass()) && a.getClass() == b.getClass()) {
            for (RecordComponent component : a.getClass().getRecordComponents()) {
                compare(path + "." + component.getName(), value(component, a), value(component, b), differences);
            }
        } else if (!Objects.equals(a, b)) {
            differences.add(path);
        }
    }

    /** Whether {@code type} is a section of the file (an object of keys), as the records of GatewayConfiguration are. */
    static boolean section(Class<?> type) {
        return type.isRecord() && type.getEnclosingClass() == GatewayConfiguration.class;
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
