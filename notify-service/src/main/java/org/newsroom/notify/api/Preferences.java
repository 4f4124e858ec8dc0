package org.newsroom.notify.api;

import java.util.List;
import org.newsroom.notify.subscription.Subscriber;

/** What the holder of a subscription token sees of it. */
public record Preferences(String email, String status, List<String> topics, boolean paused) {

    static Preferences of(Subscriber subscriber) {
        return new Preferences(subscriber.email, subscriber.status.name(), subscriber.topicList(), subscriber.paused);
    }
}
