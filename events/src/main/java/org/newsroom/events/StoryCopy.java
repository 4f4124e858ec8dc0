package org.newsroom.events;

import java.util.List;

/**
 * The article a story event carries for publication: the same fields in {@link StoryApproved} (version 1) and
 * {@link StoryCorrected} (each later version), so a consumer renders both with one mapping. A Java view of the two
 * records' components, not a JSON field: the wire shape is the records'.
 */
public interface StoryCopy {
    String headline();

    String summary();

    String byline();

    Attribution attribution();

    String editorsNote();

    List<String> sections();

    String bodyHtml();

    String dateline();

    String imageUrl();

    String imageCaption();

    String imageCredit();

    String rights();

    String authorBio();
}
