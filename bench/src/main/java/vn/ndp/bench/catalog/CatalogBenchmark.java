package vn.ndp.bench.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The catalogue benchmark behind {@code ./ndp bench catalog}: generates
 * 100,000 platforms, times {@code ./ndp import platforms} on them, starts the
 * registry on the result and measures the latency of
 * {@code GET /api/v1/platforms?q=...} for 20 Vietnamese queries, both
 * server-side (the Micrometer {@code http.server.requests} histogram, read
 * before and after each query's requests) and from a loopback client.
 */
public final class CatalogBenchmark {

    /** The goal of issue 2: p95 of the server-side latency at most 20 ms. */
    static final double GOAL_P95_MS = 20;

    /** Representative questions: with and without diacritics, short and long, some with facet filters. */
    static final List<Query> QUERIES = List.of(
            new Query("nen tang so", ""),
            new Query("nền tảng số", ""),
            new Query("hệ thống quản lý văn bản", ""),
            new Query("he thong quan ly van ban va dieu hanh", ""),
            new Query("dịch vụ công", ""),
            new Query("dich vu cong truc tuyen", "scope=province"),
            new Query("csdl dan cu", ""),
            new Query("cơ sở dữ liệu quốc gia về dân cư", ""),
            new Query("hoa don dien tu", ""),
            new Query("hóa đơn điện tử", "category=economy"),
            new Query("y tế", ""),
            new Query("bảo hiểm xã hội", "status=in_use"),
            new Query("dat dai", "type=information_system"),
            new Query("giáo dục và đào tạo", "owner=BGDDT"),
            new Query("thuế", "owner=BTC"),
            new Query("cổng thông tin điện tử cấp tỉnh", ""),
            new Query("quan ly ho tich", "owner=BTP&scope=commune"),
            new Query("Đắk Lắk", ""),
            new Query("nen tang tich hop chia se du lieu quoc gia dung chung cho nguoi dan va doanh nghiep", ""),
            new Query("VNEID", ""));

    /** Histogram boundaries (ms) of the server timer: 0.5 ms steps to 10 ms, 1 ms steps to 30 ms, then coarser. */
    static final List<Double> BUCKETS_MS = buckets();

    record Query(String q, String filters) {

        String path() {
            String path = "/api/v1/platforms?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
            return filters.isEmpty() ? path : path + "&" + filters;
        }

        String label() {
            return filters.isEmpty() ? q : q + "  [" + filters + "]";
        }
    }

    /** @param reuse a directory kept by an earlier run (--keep): its data is searched again, nothing imported */
    record Options(Path root, String build, int rows, int warmupRounds, int requests, boolean keep, Path out,
            Path reuse) {

        static Options parse(String[] args) {
            Path root = Path.of(".");
            int rows = 100_000;
            int warmup = 40;
            int requests = 200;
            boolean keep = false;
            Path out = null;
            Path reuse = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--root" -> root = Path.of(args[++i]);
                    case "--rows" -> rows = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--requests" -> requests = Integer.parseInt(args[++i]);
                    case "--keep" -> keep = true;
                    case "--out" -> out = Path.of(args[++i]);
                    case "--reuse" -> reuse = Path.of(args[++i]).toAbsolutePath();
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; options: --rows N --warmup ROUNDS --requests N --keep --out FILE --reuse DIR");
                }
            }
            String build = System.getenv().getOrDefault("NDP_BENCH_TARGET", "target");
            return new Options(root.toAbsolutePath().normalize(), build, rows, warmup, requests, keep || reuse != null,
                    out, reuse);
        }
    }

    private CatalogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path work = options.reuse() != null ? options.reuse() : Files.createTempDirectory("ndp-bench-catalog-");
        Path data = work.resolve("data");
        Path csv = work.resolve("generated.csv");
        StringBuilder report = new StringBuilder();
        try {
            if (options.reuse() == null) {
                log("generating %,d platforms (GEN-000001..., source '%s') in %s", options.rows(),
                        SyntheticPlatforms.SOURCE, csv);
                SyntheticPlatforms.write(csv, options.rows(), SyntheticPlatforms.referenceAgencies(), 20250701L);
                ImportResult imported = runImport(options, csv, data);
                report.append(imported.markdown(options.rows()));
            }

            try (Registry registry = Registry.start(options, data, work.resolve("registry.log"))) {
                report.append(String.format(Locale.ROOT, "%nRegistry start with %,d platforms (index rebuilt from "
                        + "PostgreSQL): %.1f s%n", options.rows() + 25, registry.startSeconds()));
                report.append(measure(registry, options));
            }
        } finally {
            if (options.keep()) {
                log("kept %s", work);
            } else {
                delete(work);
            }
        }
        String header = String.format(Locale.ROOT, "## Catalogue benchmark, %s%n%n%s%n",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), machine());
        String result = header + report;
        System.out.println();
        System.out.println(result);
        if (options.out() != null) {
            Files.createDirectories(options.out().toAbsolutePath().getParent());
            Files.writeString(options.out(), result);
            log("results written to %s", options.out());
        }
    }

    // ---- import ---------------------------------------------------------------------------------------

    record ImportResult(double commandSeconds, double importSeconds, String summary) {

        String markdown(int rows) {
            return String.format(Locale.ROOT, """
                    ### Import of %,d generated rows

                    `./ndp import platforms generated.csv --data TMPDIR` (fresh data directory)

                    | measured | time | rows/s |
                    |---|---:|---:|
                    | whole command (JVM start, embedded PostgreSQL, migrations, import, stop) | %.1f s | %,.0f |
                    | the import itself (read, validate, write, index; the command's own figure) | %.1f s | %,.0f |

                    Command output: `%s`
                    """, rows, commandSeconds, rows / commandSeconds, importSeconds, rows / importSeconds, summary);
        }
    }

    static ImportResult runImport(Options options, Path csv, Path data) throws IOException, InterruptedException {
        List<String> command;
        if (options.build().equals("target")) {
            command = List.of(options.root().resolve("ndp").toString(), "import", "platforms", csv.toString(),
                    "--data", data.toString());
        } else {
            // a side build (NDP_BENCH_TARGET): what ./ndp import runs, on that build's jar
            Files.createDirectories(data);
            command = List.of(java(), "-jar", registryJar(options).toString(),
                    "--spring.main.web-application-type=none", "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN", "--ndp.data-dir=" + data, "--ndp.command=import-platforms",
                    "--ndp.import.file=" + csv);
        }
        log("importing: %s", String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(options.root().toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        long started = System.nanoTime();
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("the import failed with exit code " + exit + ": " + out);
        }
        String summary = out.lines().filter(l -> l.startsWith("Imported")).findFirst().orElse(out);
        Matcher m = Pattern.compile(" in ([0-9.]+) s").matcher(summary);
        double importSeconds = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        log("%s (whole command %.1f s)", summary, seconds);
        return new ImportResult(seconds, importSeconds, summary);
    }

    // ---- search latency -------------------------------------------------------------------------------

    static String measure(Registry registry, Options options) throws IOException, InterruptedException {
        String loadBefore = loadAverage();
        log("warming up: %d rounds of the %d queries", options.warmupRounds(), QUERIES.size());
        for (int round = 0; round < options.warmupRounds(); round++) {
            for (Query query : QUERIES) {
                registry.get(query.path());
            }
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, """

                ### Search latency, %d sequential requests per query after %d warm-up rounds

                Server = Micrometer `http.server.requests` histogram of `/api/v1/platforms` (buckets of 0.5 ms up to
                10 ms, 1 ms up to 30 ms; percentiles interpolated within a bucket). Client = wall time of the same
                requests from a Java HttpClient on the loopback interface (includes HTTP and JSON transfer).

                | # | query | hits | server p50 ms | server p95 ms | client p50 ms | client p95 ms |
                |---:|---|---:|---:|---:|---:|---:|
                """, options.requests(), options.warmupRounds()));
        long[] allBuckets = new long[BUCKETS_MS.size() + 1];
        List<Double> allClient = new ArrayList<>();
        int n = 0;
        for (Query query : QUERIES) {
            long[] before = registry.histogram();
            List<Double> client = new ArrayList<>();
            String body = null;
            for (int i = 0; i < options.requests(); i++) {
                long started = System.nanoTime();
                body = registry.get(query.path());
                client.add((System.nanoTime() - started) / 1e6);
            }
            long[] after = registry.histogram();
            long[] delta = new long[after.length];
            for (int i = 0; i < after.length; i++) {
                delta[i] = after[i] - before[i];
                allBuckets[i] += delta[i];
            }
            allClient.addAll(client);
            String hits = total(body);
            double sp50 = fromHistogram(delta, 0.50);
            double sp95 = fromHistogram(delta, 0.95);
            double cp50 = exact(client, 0.50);
            double cp95 = exact(client, 0.95);
            n++;
            table.append(String.format(Locale.ROOT, "| %d | %s | %s | %.1f | %.1f | %.1f | %.1f |%n", n,
                    query.label().replace("|", "\\|"), hits, sp50, sp95, cp50, cp95));
            log("%2d %-60s hits %8s  server p50 %5.1f p95 %5.1f  client p50 %5.1f p95 %5.1f ms", n, query.label(),
                    hits, sp50, sp95, cp50, cp95);
        }
        double p50 = fromHistogram(allBuckets, 0.50);
        double p95 = fromHistogram(allBuckets, 0.95);
        table.append(String.format(Locale.ROOT, "| | **all %,d requests** | | **%.1f** | **%.1f** | **%.1f** | **%.1f** |%n",
                allClient.size(), p50, p95, exact(allClient, 0.50), exact(allClient, 0.95)));
        table.append(String.format(Locale.ROOT, "%nGoal: server-side p95 <= %.0f ms over all queries: %s (%.1f ms).%n",
                GOAL_P95_MS, p95 <= GOAL_P95_MS ? "**met**" : "**missed**", p95));
        table.append(String.format(Locale.ROOT, "%nLoad average (1/5/15 min) before the warm-up: %s; after the last "
                + "query: %s. Anything well above the number of CPUs means other work shared the machine.%n",
                loadBefore, loadAverage()));
        return table.toString();
    }

    private static String total(String body) {
        Matcher m = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(body == null ? "" : body);
        return m.find() ? String.format(Locale.ROOT, "%,d", Long.parseLong(m.group(1))) : "?";
    }

    static double exact(List<Double> samples, double quantile) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** The quantile of a cumulative-free bucket count array (last = above the last boundary), interpolated. */
    static double fromHistogram(long[] counts, double quantile) {
        long total = Arrays.stream(counts).sum();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = quantile * total;
        long cumulative = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && cumulative + counts[i] >= rank) {
                double lower = i == 0 ? 0 : BUCKETS_MS.get(i - 1);
                if (i == BUCKETS_MS.size()) {
                    return lower; // beyond the last boundary: report the boundary
                }
                double upper = BUCKETS_MS.get(i);
                return lower + (upper - lower) * (rank - cumulative) / counts[i];
            }
            cumulative += counts[i];
        }
        return BUCKETS_MS.getLast();
    }

    private static List<Double> buckets() {
        List<Double> ms = new ArrayList<>();
        for (double b = 0.5; b <= 10; b += 0.5) {
            ms.add(b);
        }
        for (double b = 11; b <= 30; b++) {
            ms.add(b);
        }
        ms.addAll(List.of(35.0, 40.0, 50.0, 60.0, 80.0, 100.0, 150.0, 200.0, 300.0, 500.0, 1000.0, 2000.0, 5000.0));
        return List.copyOf(ms);
    }

    static String sloProperty() {
        StringBuilder sb = new StringBuilder("--management.metrics.distribution.slo.http.server.requests=");
        for (int i = 0; i < BUCKETS_MS.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(Math.round(BUCKETS_MS.get(i) * 1000)).append("us");
        }
        return sb.toString();
    }

    // ---- the registry process -------------------------------------------------------------------------

    /** A registry started from the built jar on a data directory, stopped on close. */
    static final class Registry implements AutoCloseable {

        private static final Pattern BUCKET = Pattern.compile(
                "^http_server_requests_seconds_bucket\\{(.*)\\} ([0-9.eE+-]+)$");
        private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

        private final Process process;
        private final int port;
        private final double startSeconds;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        private Registry(Process process, int port, double startSeconds) {
            this.process = process;
            this.port = port;
            this.startSeconds = startSeconds;
        }

        static Registry start(Options options, Path data, Path log) throws IOException, InterruptedException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = List.of(java(), "-jar", registryJar(options).toString(),
                    "--server.port=" + port, "--ndp.data-dir=" + data, sloProperty());
            log("starting the registry on port %d (log: %s)", port, log);
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).directory(options.root().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Registry registry = new Registry(process, port, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the registry stopped with exit code " + process.exitValue()
                            + "; see " + log);
                }
                try {
                    if (registry.status("/actuator/health") == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    stop(process);
                    throw new IllegalStateException("the registry did not start within 5 minutes; see " + log);
                }
                Thread.sleep(250);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            log("registry up after %.1f s", seconds);
            return new Registry(process, port, seconds);
        }

        double startSeconds() {
            return startSeconds;
        }

        int status(String path) throws IOException, InterruptedException {
            return http.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request(path), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        }

        private HttpRequest request(String path) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).GET().build();
        }

        /** Per-bucket (not cumulative) counts of GET /api/v1/platforms answered 200; last = above the top. */
        long[] histogram() throws IOException, InterruptedException {
            TreeMap<Double, Double> cumulative = new TreeMap<>();
            for (String line : get("/actuator/prometheus").lines().toList()) {
                Matcher m = BUCKET.matcher(line);
                if (m.matches() && m.group(1).contains("uri=\"/api/v1/platforms\"")
                        && m.group(1).contains("status=\"200\"") && m.group(1).contains("method=\"GET\"")) {
                    Matcher le = LE.matcher(m.group(1));
                    if (le.find()) {
                        double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY
                                : Double.parseDouble(le.group(1)) * 1000;
                        cumulative.merge(bound, Double.parseDouble(m.group(2)), Double::sum);
                    }
                }
            }
            long[] counts = new long[BUCKETS_MS.size() + 1];
            double previous = 0;
            for (int i = 0; i <= BUCKETS_MS.size(); i++) {
                double bound = i < BUCKETS_MS.size() ? BUCKETS_MS.get(i) : Double.POSITIVE_INFINITY;
                Double atOrBelow = i < BUCKETS_MS.size() ? value(cumulative, bound) : cumulative.get(bound);
                double c = atOrBelow == null ? previous : atOrBelow;
                counts[i] = Math.round(c - previous);
                previous = c;
            }
            return counts;
        }

        private static Double value(TreeMap<Double, Double> cumulative, double boundMs) {
            var entry = cumulative.floorEntry(boundMs + 1e-6);
            return entry != null && Math.abs(entry.getKey() - boundMs) < 1e-3 ? entry.getValue() : null;
        }

        private static void stop(Process process) {
            if (process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void close() {
            stop(process);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Path registryJar(Options options) {
        return options.root().resolve("registry").resolve(options.build()).resolve("ndp-registry-exec.jar");
    }

    static String machine() {
        Runtime rt = Runtime.getRuntime();
        String memory = "?";
        try {
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse("?");
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("?");
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return String.format(Locale.ROOT, "Machine: %d CPUs (%s), %s RAM, %s %s, %s %s", rt.availableProcessors(),
                cpu, memory, System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.version"));
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "bench: " + format + "%n", args);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
