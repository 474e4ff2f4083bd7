package org.georisk.assessment.backtest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a backtest read: files, rows, and what became of each row. Every row is exactly one of accepted (a valid
 * event), skipped (a GDELT row with no country actor, as ingest skips it) or invalid (refused as ingest would refuse
 * it); an accepted event whose eventId was scored before is also a duplicate.
 */
public final class RowCounts {

    /** How many "file:line: reason" examples of invalid rows are kept for the report. */
    static final int EXAMPLES = 5;

    private long files;
    private long rows;
    private long accepted;
    private long duplicates;
    private final Map<String, Long> skipped = new TreeMap<>();
    private final Map<String, Long> invalid = new TreeMap<>();
    private final List<String> examples = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();

    void countFile() {
        files++;
    }

    void countRow() {
        rows++;
    }

    void countAccepted() {
        accepted++;
    }

    void countDuplicate() {
        duplicates++;
    }

    void countSkipped(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    void countInvalid(Path file, int line, String reason) {
        invalid.merge(reason, 1L, Long::sum);
        if (examples.size() < EXAMPLES) {
            examples.add(file.getFileName() + ":" + line + ": " + reason);
        }
    }

    void countUnreadable(Path file, String reason) {
        unreadable.add(file + ": " + reason);
    }

    /** Adds the counts of a later file (its invalid examples after this one's). */
    void add(RowCounts other) {
        files += other.files;
        rows += other.rows;
        accepted += other.accepted;
        duplicates += other.duplicates;
        other.skipped.forEach((reason, n) -> skipped.merge(reason, n, Long::sum));
        other.invalid.forEach((reason, n) -> invalid.merge(reason, n, Long::sum));
        other.examples.stream().limit(Math.max(0, EXAMPLES - examples.size())).forEach(examples::add);
        unreadable.addAll(other.unreadable);
    }

    /** Files read (an unreadable file is not counted here but in {@link #unreadableFiles}). */
    public long files() {
        return files;
    }

    public long rows() {
        return rows;
    }

    /** Valid events, duplicates included. */
    public long accepted() {
        return accepted;
    }

    /** Accepted events whose eventId was scored before (the stream drops them the same way). */
    public long duplicates() {
        return duplicates;
    }

    public long skipped() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    public long invalid() {
        return invalid.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Skipped rows by reason. */
    public Map<String, Long> skippedByReason() {
        return Collections.unmodifiableMap(skipped);
    }

    /** Invalid rows by their first failing field and reason. */
    public Map<String, Long> invalidByReason() {
        return Collections.unmodifiableMap(invalid);
    }

    /** The first few invalid rows, as "file:line: reason". */
    public List<String> invalidExamples() {
        return Collections.unmodifiableList(examples);
    }

    public List<String> unreadableFiles() {
        return Collections.unmodifiableList(unreadable);
    }
}
