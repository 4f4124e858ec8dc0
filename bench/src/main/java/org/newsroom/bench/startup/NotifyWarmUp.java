package org.newsroom.bench.startup;

import java.net.http.HttpRequest;
import java.util.UUID;
import org.newsroom.testing.Pipeline;
import org.newsroom.testing.ServiceProcess;

/** Readers signing up: each a subscriber row, a signed confirmation link and its email sent over SMTP. */
record NotifyWarmUp(int requests) implements WarmUp {

    @Override
    public String what() {
        return requests + " sign-ups (each a confirmation email over SMTP)";
    }

    @Override
    public void run(Pipeline pipeline, ServiceProcess service) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < requests; i++) {
            String body = "{\"email\":\"reader-" + run + "-" + i + "@bench.example\",\"name\":\"Reader " + i + "\"}";
            Calls.send(Calls.get(service.url() + "/api/subscriptions")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }
    }
}
