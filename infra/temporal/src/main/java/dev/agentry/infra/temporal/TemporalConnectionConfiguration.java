package dev.agentry.infra.temporal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.infra.temporal.tracing.TemporalTracing;
import dev.agentry.workflows.health.TemporalHealth;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.net.ssl.SSLException;
import java.io.UncheckedIOException;

/**
 * The connection to Temporal: the in-memory service inside the platform when no target is configured,
 * otherwise a cluster or Temporal Cloud over (mutual) TLS or with an API key. The stubs connect lazily,
 * so the platform starts while Temporal is unreachable and the work waiting for it is retried.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "agentry.temporal.enabled", matchIfMissing = true)
class TemporalConnectionConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${agentry.temporal.target:}'.isBlank()")
    EmbeddedTemporalService embeddedTemporalService(TemporalProperties properties) {
        return EmbeddedTemporalService.start(properties.embeddedPort());
    }

    @Bean(destroyMethod = "shutdown")
    WorkflowServiceStubs workflowServiceStubs(TemporalProperties properties,
                                              ObjectProvider<EmbeddedTemporalService> embedded) {
        WorkflowServiceStubsOptions.Builder options = WorkflowServiceStubsOptions.newBuilder();
        if (properties.embedded()) {
            return WorkflowServiceStubs.newServiceStubs(options.setChannel(embedded.getObject().inProcessChannel()).build());
        }
        options.setTarget(properties.target().trim());
        TemporalProperties.Tls tls = properties.tls();
        if (tls.on(properties.hasApiKey())) {
            options.setSslContext(sslContext(tls));
        } else {
            // the SDK would otherwise turn TLS on by itself for an API key
            options.setEnableHttps(false);
        }
        if (tls.serverName() != null && !tls.serverName().isBlank()) {
            options.setChannelInitializer(channel -> channel.overrideAuthority(tls.serverName()));
        }
        if (properties.hasApiKey()) {
            String apiKey = properties.apiKey().trim();
            options.addApiKey(() -> apiKey);
        }
        return WorkflowServiceStubs.newServiceStubs(options.build());
    }

    @Bean
    WorkflowClient workflowClient(WorkflowServiceStubs stubs, TemporalProperties properties, TemporalTracing tracing) {
        return WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
                .setNamespace(properties.namespace())
                .setDataConverter(dataConverter())
                .setInterceptors(tracing.clientInterceptor())
                .build());
    }

    @Bean
    TemporalHealth temporalHealth(WorkflowClient client) {
        return new TemporalHealthProbe(client);
    }

    /**
     * Temporal's own Jackson mapping (records, java.time as ISO text), tolerant of fields it does not
     * know, so that a payload written by a newer version of a record still reads.
     */
    static DataConverter dataConverter() {
        ObjectMapper mapper = JacksonJsonPayloadConverter.newDefaultObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return DefaultDataConverter.newDefaultInstance()
                .withPayloadConverterOverrides(new JacksonJsonPayloadConverter(mapper));
    }

    private static SslContext sslContext(TemporalProperties.Tls tls) {
        if (tls.clientCertPath() == null != (tls.clientKeyPath() == null)) {
            throw new IllegalStateException("agentry.temporal.tls.client-cert-path and client-key-path go together: set both or neither");
        }
        try {
            SslContextBuilder builder = GrpcSslContexts.forClient();
            if (tls.mutual()) {
                builder.keyManager(tls.clientCertPath().toFile(), tls.clientKeyPath().toFile());
            }
            if (tls.serverCaPath() != null) {
                builder.trustManager(tls.serverCaPath().toFile());
            }
            return builder.build();
        } catch (SSLException e) {
            throw new UncheckedIOException("cannot set up TLS towards Temporal: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the TLS files for Temporal: " + e.getMessage(), e);
        }
    }
}
