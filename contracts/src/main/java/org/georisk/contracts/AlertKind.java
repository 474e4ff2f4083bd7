package org.georisk.contracts;

/** Why an alert was raised. */
public enum AlertKind {
    LEVEL_UP, LEVEL_DOWN, SCORE_JUMP, NEW_PAIR, CATEGORY_THRESHOLD
}
