package dev.shopfed.gateway.http;

import dev.shopfed.gateway.telemetry.GatewayTelemetry;
import dev.shopfed.gateway.telemetry.Telemetry;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's telemetry: Micrometer meters into Boot's registry, OpenTelemetry spans when tracing is on. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelemetryProperties.class)
class TelemetryConfiguration {

  /** Closed (its last spans flushed) when the application stops. */
  @Bean
  OpenTelemetry gatewayOpenTelemetry(TelemetryProperties properties) {
    TelemetryProperties.Tracing tracing = properties.tracing();
    if (!tracing.enabled()) {
      return OpenTelemetry.noop();
    }
    OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
        .setEndpoint(tracing.otlpEndpoint().toString())
        .build();
    Resource resource = Resource.getDefault().merge(Resource.create(
        Attributes.of(AttributeKey.stringKey("service.name"), tracing.serviceName())));
    SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
        .setResource(resource)
        .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(tracing.samplingRatio())))
        .addSpanProcessor(BatchSpanProcessor.builder(exporter).setScheduleDelay(tracing.exportDelay()).build())
        .build();
    return OpenTelemetrySdk.builder()
        .setTracerProvider(tracerProvider)
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }

  @Bean
  Telemetry gatewayTelemetry(OpenTelemetry gatewayOpenTelemetry, MeterRegistry registry) {
    return new GatewayTelemetry(gatewayOpenTelemetry, registry);
  }
}
