package io.ticketflow.approvals.security;

import io.ticketflow.approvals.config.ApprovalServiceProperties;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /dev/token?user=alice}: a development token for a fixed user ({@code {"access_token": ...}}), and
 * {@code GET /dev/users}: who they are. Only with {@code ticketflow.dev.issuer=true}; absent (404) otherwise.
 */
@RestController
@ConditionalOnProperty(name = "ticketflow.dev.issuer", havingValue = "true")
public class DevTokenController {

    /** Where tokens are handed out. */
    public static final String PATH = "/dev/token";

    /** Where the fixed users are listed. */
    public static final String USERS_PATH = "/dev/users";

    private final DevTokenIssuer issuer;

    public DevTokenController(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @PostMapping(PATH)
    Map<String, String> token(@RequestParam String user) {
        return issuer.tokenFor(user)
                .map(token -> Map.of("access_token", token, "token_type", "Bearer"))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown development user"));
    }

    @GetMapping(USERS_PATH)
    Map<String, java.util.List<String>> users() {
        return issuer.users();
    }

    /** The issuer and the decoder that trusts only it, replacing Spring Boot's configured decoder. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "ticketflow.dev.issuer", havingValue = "true")
    static class DevIssuerConfiguration {

        private static final Logger log = LoggerFactory.getLogger(DevIssuerConfiguration.class);

        @Bean
        DevTokenIssuer devTokenIssuer(ApprovalServiceProperties settings, Clock clock) {
            log.warn(
                    "The DEVELOPMENT token issuer is on (ticketflow.dev.issuer=true): anyone reaching this port can"
                            + " get a token for users {}. Never in production.",
                    settings.dev().users().keySet());
            return new DevTokenIssuer(settings.dev(), clock);
        }

        @Bean
        ReactiveJwtDecoder devJwtDecoder(DevTokenIssuer issuer) {
            return issuer.decoder();
        }
    }
}
