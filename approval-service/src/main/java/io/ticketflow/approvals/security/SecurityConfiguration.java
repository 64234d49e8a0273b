package io.ticketflow.approvals.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

/**
 * Who may do what. Roles come from the JWT claim {@value #ROLES_CLAIM}: {@value #REVIEWER} decides (and reads),
 * {@value #VIEWER} reads. The token's issuer and keys are Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} settings, or the development issuer's when it is on.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The claim holding the user's roles, a list of strings. */
    public static final String ROLES_CLAIM = "roles";

    public static final String REVIEWER = "reviewer";
    public static final String VIEWER = "viewer";

    @Bean
    SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, ProblemSecurityHandlers problems) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                // Stateless: every request carries its bearer token, so no web session is looked up or saved for the
                // security context or a saved request.
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // Static files and the API description hold no data; the page asks for a token itself.
                        .pathMatchers(HttpMethod.GET, "/", "/index.html", "/reviewer/**", "/v3/api-docs/**")
                        .permitAll()
                        // Exists only while the development issuer is on (see DevTokenController).
                        .pathMatchers(HttpMethod.POST, DevTokenController.PATH)
                        .permitAll()
                        .pathMatchers(HttpMethod.GET, DevTokenController.USERS_PATH)
                        .permitAll()
                        .pathMatchers(HttpMethod.POST, "/approvals/*/decision")
                        .hasRole(REVIEWER)
                        .pathMatchers(HttpMethod.GET, "/approvals", "/approvals/**", "/tickets/**")
                        .hasAnyRole(REVIEWER, VIEWER)
                        .anyExchange()
                        .authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /** Spring Security's firewall answers its rejections itself; make them problem+json like every other error. */
    @Bean
    static BeanPostProcessor firewallRejectionsAsProblems(ObjectProvider<ProblemSecurityHandlers> problems) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof WebFilterChainProxy proxy) {
                    proxy.setExchangeRejectedHandler(problems.getObject());
                }
                return bean;
            }
        };
    }

    private static Converter<Jwt, Mono<AbstractAuthenticationToken>> roles() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
