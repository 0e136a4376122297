package org.openpartner.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a bulk-import CSV of connected companies for the import benchmark: {@code companies} companies with
 * {@code contacts} contact rows each, the first contact of each its system administrator, and one row in every
 * {@code 100 / badPercent} with an invalid mobile, which makes its company rejected. Mobiles are UK mobile
 * numbers counted up from {@code mobileOffset}, so two files with different offsets never share an identity.
 *
 * <pre>java ImportFileGenerator out.csv companies contacts badPercent namePrefix mobileOffset</pre>
 */
public final class ImportFileGenerator {

    private static final String[] TYPES = {"dealer", "distributor", "agent"};
    private static final String[] LEVELS = {"level-1", "level-2", "national"};

    private ImportFileGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            System.err.println("usage: ImportFileGenerator out.csv companies contacts badPercent namePrefix mobileOffset");
            System.exit(2);
        }
        int companies = Integer.parseInt(args[1]);
        int contacts = Integer.parseInt(args[2]);
        double badPercent = Double.parseDouble(args[3]);
        String prefix = args[4];
        long mobileOffset = Long.parseLong(args[5]);
        int badEvery = badPercent <= 0 ? Integer.MAX_VALUE : (int) Math.round(100 / badPercent);
        int row = 0;
        try (Writer out = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
            out.write("Company name,Partner type,Level,Contact name,Mobile,Email,System admin,Apps\r\n");
            for (int c = 0; c < companies; c++) {
                String company = prefix + " Company " + c;
                for (int k = 0; k < contacts; k++, row++) {
                    // The bad row sits in the middle of the file's hundred, not always on a company's first line.
                    boolean bad = row % badEvery == badEvery / 2;
                    String mobile = bad ? "12345" : String.format("+44790%07d", mobileOffset + row);
                    out.write(String.join(",", company, TYPES[c % TYPES.length], LEVELS[c % LEVELS.length],
                        "Contact " + c + "-" + k, mobile, "c" + c + "k" + k + "@" + prefix.toLowerCase() + ".example",
                        k == 0 ? "yes" : "no", ""));
                    out.write("\r\n");
                }
            }
        }
    }
}
