package org.newsroom.editorial.domain;

/**
 * A story changed status ({@code from} null: it was just received). Fired inside the desk's transaction; observers
 * that count must observe it after success, so a rolled-back move is not counted.
 */
public record StoryMoved(StoryStatus from, StoryStatus to) {}
