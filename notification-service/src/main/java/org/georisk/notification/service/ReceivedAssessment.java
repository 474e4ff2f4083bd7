package org.georisk.notification.service;

import io.opentelemetry.context.Context;
import org.georisk.contracts.PairAssessment;

/**
 * One readable record of a poll batch, as the evaluator needs it: the assessment, where its event came from (stored
 * with each alert it raises) and the event's trace context, made current while this assessment is evaluated so that
 * log lines carry the event's trace id even though the whole batch shares one transaction.
 */
public record ReceivedAssessment(PairAssessment assessment, EventOrigin origin, Context trace) {
}
