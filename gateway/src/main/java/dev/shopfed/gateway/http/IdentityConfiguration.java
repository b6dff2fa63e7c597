package dev.shopfed.gateway.http;

import dev.shopfed.gateway.authorization.PolicyEvaluator;
import dev.shopfed.gateway.identity.Authenticator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The verifier of client bearer tokens, built once from {@code gateway.authentication.*}, and the evaluator of
 * {@code @policy}: an operator's own {@link PolicyEvaluator} bean, else the claim policies of
 * {@code gateway.authorization.claim-policies}.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

  @Bean
  Authenticator authenticator(GatewayProperties properties) {
    AuthenticationProperties settings = properties.authentication();
    return Authenticator.create(settings == null
        ? dev.shopfed.gateway.identity.AuthenticationOptions.defaults() : settings.engineOptions());
  }

  @Bean
  @ConditionalOnMissingBean(PolicyEvaluator.class)
  PolicyEvaluator claimPolicyEvaluator(GatewayProperties properties) {
    AuthorizationProperties settings = properties.authorization();
    return settings == null ? PolicyEvaluator.DENY_ALL : settings.claimPolicyEvaluator();
  }
}
