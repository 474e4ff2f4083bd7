package org.georisk.ingest.stream;

import jakarta.persistence.PersistenceException;
import org.hibernate.exception.DataException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only a record's own fault parks it; an outage fails the batch (nothing committed, nothing parked). */
class StoreFailuresTest {

    @Test
    void dataAndConstraintErrorsAreTheRecordsFault() {
        SQLException tooLong = new SQLException("ERROR: value too long for type character varying(16)", "22001");
        assertTrue(StoreFailures.isRecordFault(new PersistenceException(new DataException("insert", tooLong))));
        assertTrue(StoreFailures.isRecordFault(new SQLException("null value in column", "23502")));
        assertTrue(StoreFailures.isRecordFault(new SQLException("index row size exceeds maximum", "54000")));
        assertEquals("ERROR: value too long for type character varying(16) (SQLSTATE 22001)",
                StoreFailures.describe(new RuntimeException(tooLong)));
    }

    @Test
    void anOutageIsNotTheRecordsFault() {
        assertFalse(StoreFailures.isRecordFault(new PersistenceException(new SQLException("Connection refused", "08001"))));
        assertFalse(StoreFailures.isRecordFault(new SQLException("terminating connection due to administrator command", "57P01")));
        assertFalse(StoreFailures.isRecordFault(new SQLException("could not serialize access", "40001")));
        // the pool's "no connection in time" carries no SQLSTATE
        assertFalse(StoreFailures.isRecordFault(new SQLException("Acquisition timeout while waiting for new connection")));
        assertFalse(StoreFailures.isRecordFault(new IllegalStateException("transaction manager unavailable")));
    }
}
