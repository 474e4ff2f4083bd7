package org.georisk.contracts;

/** What an event is about. CULTURAL and ALIGNMENT are only set when the feed says so. */
public enum Category {
    DIPLOMATIC, CULTURAL, SECURITY, ECONOMIC, DOMESTIC, ALIGNMENT
}
