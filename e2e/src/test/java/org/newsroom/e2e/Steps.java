package org.newsroom.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader's walk as {@code reader.mjs} takes it: what they open, type, tick and press, named as they see it (the
 * accessible names of links, fields and buttons), what each page must say ({@link #heading}) and where its
 * accessibility and looks are checked ({@link #audit}).
 */
final class Steps {
    private final List<Map<String, Object>> steps = new ArrayList<>();

    static Steps walk() {
        return new Steps();
    }

    /** Opens an address, as a link in an email or a typed one. */
    Steps open(String url) {
        return add("goto", url, null);
    }

    /** Shows an email's HTML as a mail client would, to follow its links. */
    Steps email(String html) {
        return add("email", html, null);
    }

    Steps follow(String link) {
        return add("follow", link, null);
    }

    Steps fill(String label, String value) {
        return fill(label, value, null);
    }

    /** @param in a CSS selector ("#subscribe") or the legend of a fieldset, to pick among fields of one label */
    Steps fill(String label, String value, String in) {
        Map<String, Object> step = step("fill", label, in);
        step.put("value", value);
        steps.add(step);
        return this;
    }

    Steps check(String label, String in) {
        return add("check", label, in);
    }

    Steps uncheck(String label, String in) {
        return add("uncheck", label, in);
    }

    /** Chooses the radio button whose label contains this text. */
    Steps choose(String label) {
        return add("choose", label, null);
    }

    Steps press(String button) {
        return add("press", button, null);
    }

    Steps press(String button, String in) {
        return add("press", button, in);
    }

    /** The page's single h1 must read this. */
    Steps heading(String text) {
        return add("heading", text, null);
    }

    /** axe-core and a full-page screenshot of the page as it is, at 375 and 1280 px wide, light and dark. */
    Steps audit(String pageType) {
        return add("audit", pageType, null);
    }

    List<Map<String, Object>> list() {
        return List.copyOf(steps);
    }

    private Steps add(String action, String what, String in) {
        steps.add(step(action, what, in));
        return this;
    }

    private static Map<String, Object> step(String action, String what, String in) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put(action, what);
        if (in != null) {
            step.put("in", in);
        }
        return step;
    }
}
