package org.newsroom.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML Checker (the engine behind validator.w3.org/nu), run in-process on a page's HTML: the services' page
 * tests share it. A module using it declares {@code nu.validator:validator} (test scope) itself.
 */
public final class HtmlChecker {
    private static final String HTML5_SCHEMA = "http://s.validator.nu/html5-all.rnc";

    private HtmlChecker() {}

    /** Errors, as the checker reports them; warnings (advice) are not failures. */
    private static final class Errors implements ErrorHandler {
        final List<String> found = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {
            // advice only
        }

        @Override
        public void error(SAXParseException e) {
            found.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }
    }

    /** @return the checker's errors in this document, "line:column message" each; empty when it is valid */
    public static List<String> errors(String html) throws Exception {
        Errors errors = new Errors();
        SimpleDocumentValidator validator = new SimpleDocumentValidator();
        validator.setUpMainSchema(HTML5_SCHEMA, errors);
        validator.setUpValidatorAndParsers(errors, false, false);
        InputSource source = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        source.setEncoding("UTF-8");
        validator.checkHtmlInputSource(source);
        return errors.found;
    }

    /** Fails naming the page and showing it when the checker finds any error. */
    public static void assertValid(String what, String html) throws Exception {
        assertEquals(List.of(), errors(html), () -> what + " is not valid HTML:\n" + html);
    }
}
