package org.newsroom.editorial.api;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The desk's OpenID Connect sign-in is on exactly where {@value #SERVER_URL} names the provider: one variable for
 * ops to set, never a switch left on without a provider (Quarkus OIDC would fail to start) nor a provider configured
 * but unused. Sets {@code newsroom.desk.oidc.enabled}, which the sign-in page, the "desk" tenant and the permission
 * on /desk/session/oidc read (application.properties); an explicit value of either key (a test's) takes precedence,
 * this source's ordinal being below application.properties'.
 */
public class DeskOidcSwitch implements ConfigSourceFactory {
    static final String SERVER_URL = "NEWSROOM_DESK_OIDC_SERVER_URL";
    static final String ENABLED = "newsroom.desk.oidc.enabled";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue(SERVER_URL);
        boolean enabled =
                url != null && url.getValue() != null && !url.getValue().isBlank();
        String value = String.valueOf(enabled);
        return List.of(
                new MapBackedConfigSource(
                        "newsroom desk OIDC switch",
                        Map.of(ENABLED, value, "quarkus.oidc.desk.tenant-enabled", value),
                        200) {});
    }
}
