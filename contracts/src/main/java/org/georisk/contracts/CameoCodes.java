package org.georisk.contracts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CAMEO event code table (root, second and third level codes, with names and standard Goldstein values),
 * read once from {@code cameo-codes.tsv} beside this class: {@code code<TAB>goldstein<TAB>name}.
 */
public final class CameoCodes {

    /** One row of the table. */
    public record CameoCode(String code, double goldstein, String name) {

        /** The two-digit root, 01–20. */
        public String root() {
            return code.substring(0, 2);
        }

        /** 1 verbal cooperation (01–05), 2 material cooperation (06–09), 3 verbal conflict (10–14), 4 material conflict (15–20). */
        public int quadClass() {
            return CameoCodes.quadClass(root());
        }
    }

    private static final Map<String, CameoCode> TABLE = load();

    private CameoCodes() {
    }

    public static Optional<CameoCode> find(String code) {
        return Optional.ofNullable(code == null ? null : TABLE.get(code));
    }

    public static boolean isKnown(String code) {
        return code != null && TABLE.containsKey(code);
    }

    public static Map<String, CameoCode> all() {
        return TABLE;
    }

    public static int quadClass(String root) {
        int r = Integer.parseInt(root);
        if (r < 1 || r > 20) {
            throw new IllegalArgumentException("CAMEO root out of range: " + root);
        }
        if (r <= 5) {
            return 1;
        }
        if (r <= 9) {
            return 2;
        }
        return r <= 14 ? 3 : 4;
    }

    private static Map<String, CameoCode> load() {
        InputStream in = CameoCodes.class.getResourceAsStream("cameo-codes.tsv");
        if (in == null) {
            throw new IllegalStateException("cameo-codes.tsv missing from the contracts jar");
        }
        Map<String, CameoCode> table = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", 3);
                table.put(cols[0], new CameoCode(cols[0], Double.parseDouble(cols[1]), cols[2].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(table);
    }
}
