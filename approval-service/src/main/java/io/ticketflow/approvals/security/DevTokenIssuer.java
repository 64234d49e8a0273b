package io.ticketflow.approvals.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.ticketflow.approvals.config.DevIssuerSettings;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The development issuer: signs short-lived JWTs for the fixed users of {@code ticketflow.dev.users} with an RSA key
 * generated at start-up (so tokens die with the process), and is the only issuer the service then trusts. Exists
 * only when {@code ticketflow.dev.issuer=true}. Thread-safe.
 */
public final class DevTokenIssuer {

    /**
     * The {@code iss} of development tokens: a URL, as issuers' are, under the reserved {@code .invalid} domain so it
     * can never name a real one. (Spring's claim converter tries to read {@code iss} as a URL; a plain name made it
     * throw and catch an exception on every request.)
     */
    public static final String ISSUER = "https://ticketflow.invalid/dev-issuer";

    private final DevIssuerSettings settings;
    private final Clock clock;
    private final RSAPublicKey publicKey;
    private final NimbusJwtEncoder encoder;

    public DevTokenIssuer(DevIssuerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        KeyPair keys = generate();
        this.publicKey = (RSAPublicKey) keys.getPublic();
        RSAKey jwk = new RSAKey.Builder(publicKey)
                .privateKey((RSAPrivateKey) keys.getPrivate())
                .keyID("dev")
                .build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
    }

    /** A token for {@code user}, or empty when it is not one of the fixed users. */
    public Optional<String> tokenFor(String user) {
        List<String> roles = settings.users().get(user);
        if (roles == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(user)
                .issuedAt(now)
                .expiresAt(now.plus(settings.tokenLifetime()))
                .claim(SecurityConfiguration.ROLES_CLAIM, roles)
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId("dev").build();
        return Optional.of(
                encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue());
    }

    /**
     * A decoder that accepts this issuer's tokens only. Their times are checked against the clock that issued them (the
     * service's {@code Clock}), not the system clock: with a test clock the two differ, and tokens issued "at" the test
     * clock's time would otherwise expire, or not yet be valid, in real time.
     */
    public ReactiveJwtDecoder decoder() {
        NimbusReactiveJwtDecoder decoder =
                NimbusReactiveJwtDecoder.withPublicKey(publicKey).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER)));
        return decoder;
    }

    /** The fixed users and their roles. */
    public java.util.Map<String, List<String>> users() {
        return settings.users();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }
}
