package org.openpartner.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a lead-import CSV for the lead import benchmark: {@code rows} leads with a name, a company, a UK mobile
 * counted up from {@code mobileOffset}, an email, and a source, region and industry out of a few values each, as a
 * bought list or a trade-show scan would have them. Every row is valid (the import is all or nothing).
 *
 * <pre>java LeadFileGenerator out.csv rows namePrefix mobileOffset</pre>
 */
public final class LeadFileGenerator {

    private static final String[] SOURCES = {"web", "trade show", "referral", "purchased list", "campaign"};
    private static final String[] REGIONS = {"north", "south", "east", "west", "central", "islands", "export"};
    private static final String[] INDUSTRIES = {"retail", "manufacturing", "healthcare", "logistics", "energy",
        "public sector", "finance", "education"};

    private LeadFileGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: LeadFileGenerator out.csv rows namePrefix mobileOffset");
            System.exit(2);
        }
        int rows = Integer.parseInt(args[1]);
        String prefix = args[2];
        long mobileOffset = Long.parseLong(args[3]);
        try (Writer out = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
            out.write("Name,Company name,Mobile,Email,Source,Region,Industry\r\n");
            for (int i = 0; i < rows; i++) {
                out.write(String.join(",", prefix + " Lead " + i, prefix + " Prospect " + (i / 3),
                    String.format("+44791%07d", mobileOffset + i), "lead" + i + "@" + prefix.toLowerCase() + ".example",
                    SOURCES[i % SOURCES.length], REGIONS[i % REGIONS.length], INDUSTRIES[i % INDUSTRIES.length]));
                out.write("\r\n");
            }
        }
    }
}
