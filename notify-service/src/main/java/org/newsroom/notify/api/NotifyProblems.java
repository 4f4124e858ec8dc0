package org.newsroom.notify.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newsroom.notify.subscription.ExpiredConfirmationException;
import org.newsroom.notify.subscription.RevokedLinkException;
import org.newsroom.notify.subscription.Sections;
import org.newsroom.notify.subscription.UnknownTokenException;
import org.newsroom.problem.Problem;

/**
 * The domain's refusals as RFC 7807 problems: the one place that decides their status codes. A browser following a
 * link from an email gets the same status with a page in the site's theme saying what to do instead.
 */
public class NotifyProblems {

    @Inject
    Sections sections;

    /** A forged or mangled link: as if no such subscription existed. */
    @ServerExceptionMapper
    public Response unknownToken(UnknownTokenException e, HttpHeaders headers) {
        return answer(
                headers,
                Problem.of(Response.Status.NOT_FOUND, e.getMessage()),
                "This link does not work",
                "It may have been cut short or changed on its way from the email.",
                "Copy the whole link from the email into the address bar, or open the newest email we sent you.");
    }

    @ServerExceptionMapper
    public Response expiredConfirmation(ExpiredConfirmationException e, HttpHeaders headers) {
        return answer(
                headers,
                Problem.of(Response.Status.BAD_REQUEST, e.getMessage()),
                "This confirmation link has expired",
                "Confirmation links work for a few days only.",
                "Subscribe again below: a new confirmation email will follow.");
    }

    /** Gone, not 404: the link was genuine, and the reader should look for a newer one. */
    @ServerExceptionMapper
    public Response revokedLink(RevokedLinkException e, HttpHeaders headers) {
        return answer(
                headers,
                Problem.of(Response.Status.GONE, e.getMessage()),
                "This link has been signed out",
                "Someone signed out every link in the emails sent to this address so far.",
                "Use the links in the newest newsletter you received; each one brings new links.");
    }

    private Response answer(HttpHeaders headers, Problem problem, String title, String explanation, String advice) {
        if (!ReaderPages.wanted(headers)) {
            return problem.toResponse();
        }
        Response.Status status = Response.Status.fromStatusCode(problem.status());
        return ReaderPages.page(status, ReaderPages.Templates.linkProblem(title, explanation, advice, sections.all()));
    }
}
