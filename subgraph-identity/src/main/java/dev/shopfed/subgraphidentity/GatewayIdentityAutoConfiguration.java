package dev.shopfed.subgraphidentity;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Puts {@link GatewayIdentityFilter} in front of every servlet subgraph that has this module on its classpath. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(GatewayIdentityProperties.class)
public class GatewayIdentityAutoConfiguration {

  @Bean
  GatewayIdentityVerifier gatewayIdentityVerifier(GatewayIdentityProperties properties) {
    return new GatewayIdentityVerifier(properties);
  }

  @Bean
  FilterRegistrationBean<GatewayIdentityFilter> gatewayIdentityFilter(GatewayIdentityVerifier verifier) {
    FilterRegistrationBean<GatewayIdentityFilter> registration =
        new FilterRegistrationBean<>(new GatewayIdentityFilter(verifier));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // before anything reads the request
    registration.addUrlPatterns("/*");
    return registration;
  }
}
