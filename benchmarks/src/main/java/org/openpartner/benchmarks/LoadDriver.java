package org.openpartner.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop HTTP load against a running OpenPartner on this machine: each of N workers sends its next request
 * as soon as the previous one answered, for a fixed time and at most a fixed number of requests. Endpoints
 * are measured in alternating rounds in one run, so that both see the same machine state.
 *
 * <pre>
 * java -cp openpartner-benchmarks.jar org.openpartner.benchmarks.LoadDriver \
 *     --base http://localhost:8181/api/v1 --login bench-admin --password … \
 *     --workers 8 --seconds 10 --rounds 3 --max-requests 200000 /health /partners?limit=50
 * </pre>
 * {@code --as label=login:password[:context]} before a path sends it (and the paths after it) as that user, the
 * external user of an upstream when a context is given; the results are labelled.
 */
public final class LoadDriver {

    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    private record Result(String path, long requests, long errors, double seconds, long[] latenciesMicros) {
        double throughput() {
            return requests / seconds;
        }

        long percentile(double p) {
            if (latenciesMicros.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesMicros.length) - 1;
            return latenciesMicros[Math.max(0, Math.min(index, latenciesMicros.length - 1))];
        }
    }

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        String base = "http://localhost:8181/api/v1";
        String login = null;
        String password = null;
        int workers = 8;
        int seconds = 10;
        int rounds = 3;
        long maxRequests = 500_000;
        List<String> paths = new ArrayList<>();
        List<String> users = new ArrayList<>();
        String as = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i];
                case "--login" -> login = args[++i];
                case "--password" -> password = args[++i];
                case "--workers" -> workers = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--max-requests" -> maxRequests = Long.parseLong(args[++i]);
                case "--as" -> as = args[++i];
                default -> {
                    paths.add(args[i]);
                    users.add(as);
                }
            }
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("name at least one path, e.g. /health");
        }
        URI target = URI.create(base);
        if (!"localhost".equals(target.getHost()) && !target.getHost().startsWith("127.")) {
            throw new IllegalArgumentException("load is only sent to this machine (localhost or 127.0.0.0/8)");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = login == null ? null : login(client, base, login, password, null);
        List<String> tokens = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int p = 0; p < paths.size(); p++) {
            String user = users.get(p);
            if (user == null) {
                tokens.add(token);
                labels.add(paths.get(p));
            } else {
                String[] label = user.split("=", 2);
                String[] credentials = label[1].split(":", 3);
                tokens.add(login(client, base, credentials[0], credentials[1], credentials.length > 2 ? credentials[2] : null));
                labels.add(label[0] + " " + paths.get(p));
            }
        }

        List<List<Result>> perPath = new ArrayList<>();
        paths.forEach(p -> perPath.add(new ArrayList<>()));
        // Warm-up: one short round per path, not counted.
        for (int p = 0; p < paths.size(); p++) {
            run(client, base + paths.get(p), tokens.get(p), workers, Math.min(3, seconds), maxRequests);
        }
        for (int round = 0; round < rounds; round++) {
            for (int p = 0; p < paths.size(); p++) {
                perPath.get(p).add(run(client, base + paths.get(p), tokens.get(p), workers, seconds, maxRequests));
            }
        }
        int width = Math.max(32, labels.stream().mapToInt(String::length).max().orElse(0));
        System.out.printf(Locale.ROOT, "%-" + width + "s %10s %10s %10s %10s %8s%n", "endpoint", "req/s", "p50 ms", "p99 ms", "requests", "errors");
        double first = 0;
        for (int p = 0; p < paths.size(); p++) {
            Result merged = merge(labels.get(p), perPath.get(p));
            if (p == 0) {
                first = merged.throughput();
            }
            System.out.printf(Locale.ROOT, "%-" + width + "s %10.0f %10.2f %10.2f %10d %8d   (%.0f%% of %s)%n", merged.path(),
                merged.throughput(), merged.percentile(50) / 1000.0, merged.percentile(99) / 1000.0, merged.requests(),
                merged.errors(), 100 * merged.throughput() / first, paths.get(0));
        }
    }

    private static String login(HttpClient client, String base, String login, String password, String context)
            throws Exception {
        String body = "{\"login\":\"" + login + "\",\"password\":\"" + password + "\""
            + (context == null ? "" : ",\"context\":\"" + context + "\"") + "}";
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/auth/login"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    private static Result run(HttpClient client, String url, String token, int workers, int seconds, long maxRequests)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        AtomicLong budget = new AtomicLong(maxRequests);
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int n = 0;
                while (System.nanoTime() < deadline && budget.decrementAndGet() >= 0) {
                    long t0 = System.nanoTime();
                    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                    long micros = (System.nanoTime() - t0) / 1000;
                    if (response.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = micros;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(url, latencies.length, errors.get(), elapsed, latencies);
    }

    private static Result merge(String path, List<Result> results) {
        long requests = results.stream().mapToLong(Result::requests).sum();
        long errors = results.stream().mapToLong(Result::errors).sum();
        double seconds = results.stream().mapToDouble(Result::seconds).sum();
        long[] latencies = results.stream().flatMapToLong(r -> Arrays.stream(r.latenciesMicros())).sorted().toArray();
        return new Result(path, requests, errors, seconds, latencies);
    }
}
