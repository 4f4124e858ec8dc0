package org.newsroom.editorial.api;

/** Example bodies shown in the OpenAPI document (annotation values must be constants). */
final class ApiExamples {
    private ApiExamples() {}

    static final String STORY = """
            {"id": "3f6c1c9e-7d2a-4a57-9a52-1f3f0b8d2c11", "itemId": "9b1e7c52-0a6f-4e0e-8f3a-5b0d7e4c2a10",
             "source": "wire-desk", "url": "https://example.org/rates", "headline": "Rates stay on hold",
             "summary": "The central bank held rates.\\n\\nMarkets had expected it.",
             "summaryParagraphs": ["The central bank held rates.", "Markets had expected it."],
             "byline": "A. Writer", "outlet": "The Harbor Ledger", "outletUrl": "https://example.org",
             "editorsNote": "Why it matters: the first pause in a year.", "sections": ["Markets"],
             "dateline": "LONDON", "authorBio": "A. Writer covers central banks.",
             "bodyHtml": "<p>The central bank held rates.</p>", "imageUrl": "https://example.org/photo.jpg",
             "imageCaption": "The bank's headquarters", "imageCredit": "Photo: J. Doe",
             "rights": "(c) 2026 The Harbor Ledger", "assignee": "erin", "edited": true, "status": "APPROVED",
             "allowedTransitions": ["PUBLISHED"], "version": 3, "etag": "\\"3\\"",
             "createdAt": "2026-11-25T07:30:00Z", "updatedAt": "2026-11-25T08:10:00Z", "updatedBy": "chris",
             "approvedAt": "2026-11-25T08:10:00Z", "approvedBy": "chris", "publishAt": "2026-11-26T06:00:00Z",
             "sourceCopy": {"headline": "Central bank holds rates", "summary": "The central bank held rates.",
                            "byline": "A. Writer", "outlet": "The Harbor Ledger", "outletUrl": "https://example.org",
                            "url": "https://example.org/rates"},
             "sourceChanged": false, "sourceVersion": 1, "embargoedUntil": "2026-11-26T06:00:00Z",
             "killProposed": false, "clusterId": "c1a0e6d4-2b7f-4f43-9d0e-6a9f2f1b7c55", "primary": true,
             "alternateCount": 1,
             "alternates": [{"id": "5d2b8f0e-1c3a-4e7b-9f6d-2a8c4e0b1d33", "headline": "Rates unchanged, bank says",
                             "source": "global-wire", "outlet": "Global Wire", "status": "NEW", "primary": false}],
             "grades": {"count": 0},
             "history": [{"action": "RECEIVE", "actor": "ingest-service", "at": "2026-11-25T07:30:00Z",
                          "toStatus": "NEW", "changes": {}}]}""";

    static final String STORY_PAGE = """
            [{"id": "3f6c1c9e-7d2a-4a57-9a52-1f3f0b8d2c11", "headline": "Rates stay on hold", "status": "NEW",
              "source": "wire-desk", "outlet": "The Harbor Ledger", "sections": ["Markets"],
              "allowedTransitions": ["IN_REVIEW", "APPROVED"], "version": 0, "etag": "\\"0\\"",
              "createdAt": "2026-11-25T07:30:00Z", "clusterId": "c1a0e6d4-2b7f-4f43-9d0e-6a9f2f1b7c55",
              "primary": true, "alternateCount": 1}]""";

    static final String HISTORY = """
            [{"action": "RECEIVE", "actor": "ingest-service", "at": "2026-11-25T07:30:00Z", "toStatus": "NEW",
              "changes": {}},
             {"action": "EDIT", "actor": "erin", "at": "2026-11-25T07:45:00Z", "fromStatus": "NEW", "toStatus": "NEW",
              "changes": {"headline": {"from": "Central bank holds rates", "to": "Rates stay on hold"}}},
             {"action": "APPROVE", "actor": "chris", "at": "2026-11-25T08:10:00Z", "fromStatus": "NEW",
              "toStatus": "APPROVED", "changes": {"publishAt": {"from": null, "to": "2026-11-26T06:00:00Z"}}}]""";

    static final String PATCH = """
            {"headline": "Rates stay on hold", "summary": "First paragraph.\\n\\nSecond paragraph.",
             "editorsNote": "Why it matters", "sections": ["Markets"], "outlet": "The Harbor Ledger",
             "outletUrl": "https://example.org/a", "dateline": "LONDON", "authorBio": "A. Writer covers central banks.",
             "assignee": "erin"}""";

    static final String CORRECTION = """
            {"note": "An earlier version misstated the rate.", "summary": "Corrected paragraph."}""";

    static final String BAD_FILTER = """
            {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "The request has invalid fields",
             "errors": [{"field": "status", "message": "unknown status FROZEN; one of [NEW, IN_REVIEW, APPROVED, \
            REJECTED, PUBLISHED, CORRECTED, KILLED]"}]}""";

    static final String INVALID_FIELDS = """
            {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "The request has invalid fields",
             "errors": [{"field": "summary", "message": "must have 1 to 3 paragraphs"}]}""";

    static final String TOO_LARGE = """
            {"type": "about:blank", "title": "Request Entity Too Large", "status": 413,
             "detail": "The request has fields above their limits",
             "errors": [{"field": "editorsNote", "message": "must be at most 5000 characters"}]}""";

    static final String EVENT_TOO_LARGE = """
            {"type": "about:blank", "title": "Unprocessable Content", "status": 422,
             "detail": "news.story.approved.v1 would be 1048100 bytes, above the 921600 an event may have (Kafka \
            refuses records above 1 MiB)",
             "errors": [{"field": "bodyHtml", "message": "takes 1025310 bytes of it"}]}""";

    static final String BAD_PUBLISH_AT = """
            {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "The request has invalid fields",
             "errors": [{"field": "publishAt", "message": "must be an ISO instant such as 2026-11-26T06:00:00Z"}]}""";

    static final String PAST_PUBLISH_AT = """
            {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "The request has invalid fields",
             "errors": [{"field": "publishAt", "message": "must be in the future"}]}""";

    static final String EMBARGOED = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "The story is embargoed until 2026-11-26T06:00:00Z; schedule its publication at or after the \
            embargo: approve with {\\"publishAt\\": \\"2026-11-26T06:00:00Z\\"} or later",
             "embargoedUntil": "2026-11-26T06:00:00Z"}""";

    static final String TRANSITION = """
            {"type": "about:blank", "title": "Conflict", "status": 409, "detail": "A APPROVED story cannot become \
            APPROVED", "currentStatus": "APPROVED", "allowedTransitions": ["PUBLISHED"]}""";

    static final String STALE = """
            {"type": "about:blank", "title": "Precondition Failed", "status": 412, "detail": "It changed since you \
            read it (you sent version 2, it is at version 3); reload it and apply your change again",
             "currentVersion": 3, "currentETag": "\\"3\\""}""";

    static final String PRECONDITION_REQUIRED = """
            {"type": "about:blank", "title": "Precondition Required", "status": 428,
             "detail": "Send the ETag you read in If-Match, so that no one else's change is overwritten"}""";

    static final String NOT_FOUND = """
            {"type": "about:blank", "title": "Not Found", "status": 404,
             "detail": "No story 3f6c1c9e-7d2a-4a57-9a52-1f3f0b8d2c11"}""";

    static final String UNAUTHORIZED = """
            {"type": "about:blank", "title": "Unauthorized", "status": 401,
             "detail": "A valid bearer token (JWT) is required"}""";

    static final String FORBIDDEN = """
            {"type": "about:blank", "title": "Forbidden", "status": 403,
             "detail": "Your role may not do this; it needs one of the roles chief-editor"}""";

    static final String EDITION_BODY = """
            {"title": "The Daily Brief", "date": "2026-11-25", "leadStoryId": "3f6c1c9e-7d2a-4a57-9a52-1f3f0b8d2c11",
             "leadNote": "Why we lead with this",
             "briefs": ["5d2b8f0e-1c3a-4e7b-9f6d-2a8c4e0b1d33", "8a4f2e1d-6b7c-4d9e-a0f1-3c5b7d9e1f22"],
             "sections": ["Geopolitics"]}""";

    static final String EDITIONS = """
            [{"id": "0e8b5c1a-3d4f-4a6b-8c9d-1e2f3a4b5c6d", "title": "The Daily Brief", "date": "2026-11-25",
              "status": "DRAFT", "leadStoryId": "3f6c1c9e-7d2a-4a57-9a52-1f3f0b8d2c11", "briefCount": 1,
              "createdAt": "2026-11-25T08:00:00Z", "createdBy": "erin", "updatedAt": "2026-11-25T08:00:00Z"}]""";

    static final String EDITION_REORDER = """
            {"briefs": ["8a4f2e1d-6b7c-4d9e-a0f1-3c5b7d9e1f22", "5d2b8f0e-1c3a-4e7b-9f6d-2a8c4e0b1d33"]}""";

    static final String EDITION = """
            {"id": "0e8b5c1a-3d4f-4a6b-8c9d-1e2f3a4b5c6d", "title": "The Daily Brief", "date": "2026-11-25",
             "status": "DRAFT",
             "lead": {"storyId": "3f6c1c9e-7d2a-4a57-9a52-1f3f0b8d2c11", "headline": "Rates stay on hold",
                      "summaryParagraphs": ["The central bank held rates."], "byline": "A. Writer",
                      "outlet": "The Harbor Ledger", "outletUrl": "https://example.org",
                      "editorsNote": "Why we lead with this"},
             "briefs": [{"number": 1, "storyId": "5d2b8f0e-1c3a-4e7b-9f6d-2a8c4e0b1d33",
                         "headline": "Tariff talks stall", "summaryParagraphs": ["No deal yet."],
                         "outlet": "Global Wire", "outletUrl": "https://wire.example"}],
             "sections": ["Geopolitics"], "version": 0, "etag": "\"0\"", "createdAt": "2026-11-25T08:00:00Z",
             "createdBy": "erin", "updatedAt": "2026-11-25T08:00:00Z", "updatedBy": "erin"}""";

    static final String EDITION_RULES = """
            {"type": "about:blank", "title": "Unprocessable Content", "status": 422,
             "detail": "The edition breaks the desk's rules",
             "errors": [{"field": "briefs[0]", "message": "story 5d2b8f0e-1c3a-4e7b-9f6d-2a8c4e0b1d33 is NEW; an \
            edition holds only APPROVED or PUBLISHED stories"}]}""";

    static final String EDITION_EMBARGOED = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "The edition would be published at 2026-11-25T18:00:00Z, before story \
            5d2b8f0e-1c3a-4e7b-9f6d-2a8c4e0b1d33 \\"Tariff talks stall\\" is embargoed until 2026-11-26T06:00:00Z. \
            Approve it with {\\"publishAt\\": \\"2026-11-26T06:00:00Z\\"} or later, or take the story out",
             "errors": [{"field": "briefs[0]", "message": "story 5d2b8f0e-1c3a-4e7b-9f6d-2a8c4e0b1d33 \\"Tariff talks \
            stall\\" is embargoed until 2026-11-26T06:00:00Z"}],
             "heldStories": [{"field": "briefs[0]", "storyId": "5d2b8f0e-1c3a-4e7b-9f6d-2a8c4e0b1d33",
                              "headline": "Tariff talks stall", "holdUntil": "2026-11-26T06:00:00Z",
                              "hold": "embargoed until"}],
             "earliestPublishAt": "2026-11-26T06:00:00Z"}""";

    static final String LETTER = """
            {"name": "Ada", "email": "ada@example.org", "publicationId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
             "text": "Dear editor, …"}""";

    static final String INBOX = """
            [{"id": "1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b", "name": "Ada", "email": "ada@example.org",
              "publicationId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "text": "Dear editor, …",
              "receivedAt": "2026-11-25T09:00:00Z",
              "story": {"id": "3f6c1c9e-7d2a-4a57-9a52-1f3f0b8d2c11", "headline": "Rates stay on hold",
                        "publicationUrl": "https://news.example.org/stories/rates-stay-on-hold"}}]""";

    static final String TOO_MANY = """
            {"type": "about:blank", "title": "Too Many Requests", "status": 429,
             "detail": "Too much feedback from your address; try again in 42 s", "retryAfterSeconds": 42}""";

    static final String EDITION_NOT_FOUND = """
            {"type": "about:blank", "title": "Not Found", "status": 404,
             "detail": "No edition 0e8b5c1a-3d4f-4a6b-8c9d-1e2f3a4b5c6d"}""";

    static final String RENDERER_UNAVAILABLE = """
            {"type": "about:blank", "title": "Bad Gateway", "status": 502,
             "detail": "publish-service cannot be reached (ConnectException): the preview cannot be rendered now",
             "service": "publish-service"}""";

    static final String EDITION_APPROVED = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "Edition 0e8b5c1a-3d4f-4a6b-8c9d-1e2f3a4b5c6d was approved by chris and can no longer change"}""";
}
