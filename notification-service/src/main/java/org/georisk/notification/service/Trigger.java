package org.georisk.notification.service;

import org.georisk.contracts.AlertKind;

/**
 * A rule that fired on an assessment.
 *
 * @param change what happened, as the middle of the alert sentence ("rose from GUARDED to ELEVATED")
 */
public record Trigger(AlertKind kind, String change) {
}
