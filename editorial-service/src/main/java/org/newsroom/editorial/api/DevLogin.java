package org.newsroom.editorial.api;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The local stack's sign-in without an identity provider: it mints the token the provider would, signed with the
 * dev key that the services' {@code NEWSROOM_JWT_PUBLIC_KEY} pairs with. It exists only where
 * {@code NEWSROOM_DESK_DEV_LOGIN_KEY} names that private key: the local stack and the tests; never Kubernetes.
 */
@ApplicationScoped
class DevLogin {
    static final Duration LIFETIME = Duration.ofHours(12);
    static final Set<String> ROLES = Set.of(Roles.EDITOR, Roles.CHIEF_EDITOR);

    @ConfigProperty(name = "newsroom.desk.dev-login.signing-key")
    Optional<String> signingKey;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    boolean enabled() {
        return signingKey.filter(location -> !location.isBlank()).isPresent();
    }

    String token(String name, String role) {
        return Jwt.issuer(issuer)
                .subject(name)
                .upn(name)
                .groups(role)
                .audience(Set.of("newsroom-editorial"))
                .expiresIn(LIFETIME)
                .jws()
                .sign(signingKey.orElseThrow());
    }
}
