package org.newsroom.publish.api;

import java.util.List;
import org.newsroom.publish.domain.PublishSettings;

/**
 * The grade and letter forms of one publication, posting to editorial's feedback API ({@code NEWSROOM_FEEDBACK_URL}),
 * which sends the reader back to {@code returnTo}. A story page has them for the story, an edition page for its lead.
 */
public record Feedback(
        String gradeHeading,
        String gradesUrl,
        String lettersUrl,
        String publicationId,
        String returnTo,
        List<Grade> grades) {

    public record Grade(int value, String label) {}

    private static final List<Grade> GRADES = List.of(
            new Grade(1, "poor"),
            new Grade(2, "fair"),
            new Grade(3, "good"),
            new Grade(4, "very good"),
            new Grade(5, "excellent"));

    /** @param page the page the forms are on: the reader comes back to its feedback section */
    static Feedback on(PublishSettings settings, String gradeHeading, String publicationId, String page) {
        String api = settings.feedbackUrl().replaceAll("/+$", "") + "/api/feedback";
        return new Feedback(gradeHeading, api + "/grades", api + "/letters", publicationId, page + "#feedback", GRADES);
    }
}
