package org.georisk.assessment.backtest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The project's sample files and the public GDELT exports the backtest tests read. */
final class FeedFiles {

    /** Tests run in the module's folder; the samples are the project's. */
    static final Path GDELT_SAMPLE = Path.of("../samples/gdelt-sample.export.CSV");
    static final Path SEED = Path.of("../samples/seed-events.ndjson");
    /** Real GDELT 2.0 exports next to the project, when the machine has them (never required). */
    static final Path REAL_GDELT = Path.of("../../shared/data/gdelt");

    private FeedFiles() {
    }

    /** The file zipped as GDELT publishes it: one entry of the same name. */
    static Path zipped(Path file, Path dir) throws IOException {
        Path zip = dir.resolve(file.getFileName() + ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(file.getFileName().toString()));
            Files.copy(file, z);
            z.closeEntry();
        }
        return zip;
    }

    /** The real exports, sorted by name (= by time); empty when there are none. */
    static List<Path> realGdelt() throws IOException {
        if (!Files.isDirectory(REAL_GDELT)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(REAL_GDELT)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".export.CSV")).sorted().toList();
        }
    }
}
