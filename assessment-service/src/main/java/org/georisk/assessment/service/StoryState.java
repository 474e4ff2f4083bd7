package org.georisk.assessment.service;

/** placeholder, being written */
public record StoryState(long rows) {
}
