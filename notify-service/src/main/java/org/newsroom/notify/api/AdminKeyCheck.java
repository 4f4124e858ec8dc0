package org.newsroom.notify.api;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.newsroom.notify.domain.NotifySettings;

/** Says so at startup when the admin API cannot be used because no JWT verification key was configured. */
@ApplicationScoped
public class AdminKeyCheck {
    private static final Logger LOG = Logger.getLogger(AdminKeyCheck.class);
    static final String UNCONFIGURED = "jwt/unconfigured-public.pem";

    @Inject
    NotifySettings config;

    void check(@Observes StartupEvent startup) {
        if (UNCONFIGURED.equals(config.jwtKeyLocation())) {
            LOG.warn("NEWSROOM_JWT_PUBLIC_KEY is not set: the admin API (/api/webhooks, delivery statistics) "
                    + "refuses every token (401)");
        }
    }
}
