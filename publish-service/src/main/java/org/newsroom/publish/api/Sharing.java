package org.newsroom.publish.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a story or edition page tells search engines and the apps it is shared in: canonical URL, OpenGraph and
 * Twitter card values, and a schema.org {@code NewsArticle} as JSON-LD.
 */
public record Sharing(
        String url,
        String title,
        String description,
        String imageUrl,
        String imageAlt,
        String publishedAt,
        String modifiedAt,
        String jsonLd) {

    /** What the page is about, as schema.org's NewsArticle describes it. */
    record Article(
            String url,
            String headline,
            String description,
            String author,
            String authorType,
            StoryPage.Image image,
            String publishedAt,
            String modifiedAt,
            String siteTitle,
            String siteUrl) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DESCRIPTION = 200;

    static Sharing of(Article article) {
        String description = shortened(article.description() == null ? article.headline() : article.description());
        StoryPage.Image image = article.image();
        return new Sharing(
                article.url(),
                article.headline(),
                description,
                image == null ? null : image.url(),
                image == null ? null : image.alt(),
                article.publishedAt(),
                article.modifiedAt(),
                jsonLd(article, description));
    }

    private static String jsonLd(Article article, String description) {
        ObjectNode node = JSON.createObjectNode();
        node.put("@context", "https://schema.org");
        node.put("@type", "NewsArticle");
        node.put("headline", article.headline());
        node.put("description", description);
        node.put("url", article.url());
        node.putObject("mainEntityOfPage").put("@type", "WebPage").put("@id", article.url());
        node.put("datePublished", article.publishedAt());
        node.put("dateModified", article.modifiedAt() != null ? article.modifiedAt() : article.publishedAt());
        if (article.author() != null) {
            node.putArray("author")
                    .addObject()
                    .put("@type", article.authorType())
                    .put("name", article.author());
        }
        if (article.image() != null) {
            ArrayNode images = node.putArray("image");
            images.add(article.image().url());
        }
        node.putObject("publisher")
                .put("@type", "NewsMediaOrganization")
                .put("name", article.siteTitle())
                .put("url", article.siteUrl() + "/");
        node.put("isAccessibleForFree", true);
        try {
            return JSON.writer().with(new HtmlSafe()).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first sentences up to a length that previews show in full. */
    static String shortened(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= DESCRIPTION) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', DESCRIPTION - 1);
        return flat.substring(0, cut > 0 ? cut : DESCRIPTION - 1) + "…";
    }

    /**
     * JSON inside a {@code <script>} element ends at the first {@code </script}, whatever JSON thinks; with
     * {@code <}, {@code >} and {@code &} written as {@code \u003c}-style escapes, no value can end it or open a
     * comment, and the JSON means the same.
     */
    private static final class HtmlSafe extends CharacterEscapes {
        private final int[] escapes;

        HtmlSafe() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_CUSTOM;
            escapes['>'] = ESCAPE_CUSTOM;
            escapes['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return new SerializedString(String.format("\\u%04x", ch));
        }
    }
}
