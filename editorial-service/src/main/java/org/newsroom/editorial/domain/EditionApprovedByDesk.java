package org.newsroom.editorial.domain;

import java.util.UUID;

/** A chief editor approved an edition (scheduled: with a publishAt). Fired inside the desk's transaction. */
public record EditionApprovedByDesk(UUID editionId, boolean scheduled) {}
