package org.newsroom.editorial.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.newsroom.events.ItemUpdated;

/**
 * What of a story its source owns: its copy of the editable fields (kept apart from the editors' copy: headline,
 * summary, byline, outlet, the photo's caption and credit, rights), the URL, body and photo, which editors never edit.
 * Names as in the history's diffs.
 */
record SourceFields(
        String headline,
        String summary,
        String byline,
        String outlet,
        String outletUrl,
        String url,
        String bodyHtml,
        String imageUrl,
        String imageCaption,
        String imageCredit,
        String rights) {

    static SourceFields of(Story s) {
        return new SourceFields(
                s.sourceHeadline,
                s.sourceSummary,
                s.sourceByline,
                s.sourceOutlet,
                s.sourceOutletUrl,
                s.url,
                s.bodyHtml,
                s.imageUrl,
                s.sourceImageCaption,
                s.sourceImageCredit,
                s.sourceRights);
    }

    static SourceFields of(ItemUpdated item) {
        return new SourceFields(
                item.headline(),
                item.summary(),
                item.byline(),
                item.attribution().outlet(),
                item.attribution().url(),
                item.url(),
                item.bodyHtml(),
                item.imageUrl(),
                item.imageCaption(),
                item.imageCredit(),
                item.rights());
    }

    /** For each field that differs in {@code to}: {@code {"from": ours, "to": theirs}}. */
    Map<String, Object> diff(SourceFields to) {
        Map<String, Object> diff = new LinkedHashMap<>();
        Map<String, String> theirs = to.byName();
        byName().forEach((field, ours) -> {
            if (!Objects.equals(ours, theirs.get(field))) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", ours);
                change.put("to", theirs.get(field));
                diff.put(field, change);
            }
        });
        return diff;
    }

    void copyTo(Story s) {
        s.sourceHeadline = headline;
        s.sourceSummary = summary;
        s.sourceByline = byline;
        s.sourceOutlet = outlet;
        s.sourceOutletUrl = outletUrl;
        s.url = url;
        s.bodyHtml = bodyHtml;
        s.imageUrl = imageUrl;
        s.sourceImageCaption = imageCaption;
        s.sourceImageCredit = imageCredit;
        s.sourceRights = rights;
    }

    private Map<String, String> byName() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("headline", headline);
        fields.put("summary", summary);
        fields.put("byline", byline);
        fields.put("outlet", outlet);
        fields.put("outletUrl", outletUrl);
        fields.put("url", url);
        fields.put("bodyHtml", bodyHtml);
        fields.put("imageUrl", imageUrl);
        fields.put("imageCaption", imageCaption);
        fields.put("imageCredit", imageCredit);
        fields.put("rights", rights);
        return fields;
    }
}
