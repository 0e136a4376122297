package org.openpartner.itests;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

/**
 * A second OpenPartner node started from the same distribution archive, as an admin adds one: unpacked into its own
 * folder, on free ports of its own, pointed at the PostgreSQL database the first node uses, and run with
 * {@code bin/karaf server} as a child process of the test. Closing it stops Karaf and waits for the process to end.
 */
final class SecondNode implements AutoCloseable {

    private final Path home;
    private final Process process;
    final Http http;

    private SecondNode(Path home, Process process, Http http) {
        this.home = home;
        this.process = process;
        this.http = http;
    }

    /**
     * Unpacks {@code archive} under {@code work}, configures it for the database at {@code jdbcUrl} and starts it;
     * returns once its health answers 200.
     */
    static SecondNode start(Path archive, Path work, String jdbcUrl) throws IOException, InterruptedException {
        deleteTree(work);
        Files.createDirectories(work);
        Process untar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", work.toString())
            .redirectErrorStream(true).start();
        String untarOutput = new String(untar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!untar.waitFor(5, TimeUnit.MINUTES) || untar.exitValue() != 0) {
            throw new IOException("could not unpack " + archive + ": " + untarOutput);
        }
        Path home;
        try (var entries = Files.list(work)) {
            home = entries.filter(Files::isDirectory).findFirst()
                .orElseThrow(() -> new IOException(archive + " holds no distribution folder"));
        }
        int httpPort = freePort();
        set(home.resolve("etc/org.ops4j.pax.web.cfg"), Map.of("org.osgi.service.http.port", String.valueOf(httpPort)));
        set(home.resolve("etc/org.apache.karaf.shell.cfg"), Map.of("sshPort", String.valueOf(freePort())));
        set(home.resolve("etc/org.apache.karaf.management.cfg"), Map.of(
            "rmiRegistryPort", String.valueOf(freePort()), "rmiServerPort", String.valueOf(freePort())));
        Files.writeString(home.resolve(OpenPartnerTestSupport.DATASOURCE_CFG), String.join("\n",
            "osgi.jdbc.driver.name = PostgreSQL JDBC Driver",
            "url = " + jdbcUrl,
            "user = openpartner",
            "password = openpartner",
            "dataSourceName = openpartner",
            "pool = dbcp2",
            "xa = false", ""));
        Path script = home.resolve("bin/karaf");
        script.toFile().setExecutable(true);
        ProcessBuilder karaf = new ProcessBuilder(script.toString(), "server").directory(home.toFile())
            .redirectErrorStream(true).redirectOutput(home.resolve("console.log").toFile());
        karaf.environment().put("JAVA_HOME", System.getProperty("java.home"));
        karaf.environment().put("JAVA_MAX_MEM", "512m");
        karaf.environment().remove("KARAF_HOME");
        karaf.environment().remove("KARAF_BASE");
        karaf.environment().remove("KARAF_DATA");
        karaf.environment().remove("KARAF_ETC");
        SecondNode node = new SecondNode(home, karaf.start(), new Http("http://localhost:" + httpPort + "/api/v1"));
        try {
            Awaitility.await("the second node healthy").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> {
                    if (!node.process.isAlive()) {
                        throw new IllegalStateException("the second node stopped: " + node.logTail());
                    }
                    return node.http.get("/health", null).status() == 200;
                });
        } catch (RuntimeException | Error failed) {
            AssertionError error = new AssertionError("the second node did not become healthy: " + node.logTail(),
                failed);
            node.close();
            throw error;
        }
        return node;
    }

    /** The end of the node's Karaf log, for a failure message. */
    String logTail() {
        Path log = home.resolve("data/log/karaf.log");
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        // bin/karaf runs Java as its child: stop the JVM (Karaf shuts down on SIGTERM), then the script.
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(2, TimeUnit.MINUTES);
            } catch (Exception notEnded) {
                handle.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Sets keys in a Karaf configuration file: replaces each key's line, or appends it. */
    private static void set(Path file, Map<String, String> values) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        for (Map.Entry<String, String> value : values.entrySet()) {
            Pattern line = Pattern.compile("(?m)^\\s*#?\\s*" + Pattern.quote(value.getKey()) + "\\s*[=:].*$");
            Matcher m = line.matcher(text);
            String replacement = value.getKey() + " = " + value.getValue();
            text = m.find() ? m.replaceFirst(Matcher.quoteReplacement(replacement))
                : text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n") + replacement + "\n";
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
