package vn.ndp.registry.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies Spring reads are read by {@link JsonBodies#strict}'s rules. Only the server's reader: the
 * application's {@link JsonMapper} (stored JSON, the clients' answers from gateways) keeps Spring Boot's settings.
 * Ordered last, after Spring Boot's own configuration, which sets its JSON converter first.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.LOWEST_PRECEDENCE)
class StrictJsonBodies implements WebMvcConfigurer {

    private final JsonMapper strict;

    StrictJsonBodies(JsonMapper jsonMapper) {
        this.strict = JsonBodies.strict(jsonMapper.rebuild()).build();
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
    }
}
