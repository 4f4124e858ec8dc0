package org.newsroom.deploycheck;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything that makes a rendered overlay invalid, in one place: the read into the typed models (unknown fields,
 * unknown enum values, a kind without a model) and what the models cannot say by themselves (ranges, required
 * fields, references between objects), and the operators' kinds against their upstream CRD schemas (CrdSchemas).
 */
final class RenderValidation {

    private RenderValidation() {}

    /** The problems of a rendered YAML stream, each naming its object and field; empty when it is valid. */
    static List<String> problems(String yaml) throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>(Repository.crdSchemas().problems(yaml));
        Manifests manifests;
        try {
            manifests = Manifests.parse(yaml);
        } catch (IOException | IllegalArgumentException e) {
            problems.add(e.getMessage());
            return problems;
        }
        problems.addAll(problems(manifests));
        return problems;
    }

    static List<String> problems(Manifests manifests) {
        List<String> problems = new ArrayList<>(ObjectConstraints.problems(manifests));
        problems.addAll(LabelAgreement.problems(manifests, Repository.ops()));
        return problems;
    }
}
