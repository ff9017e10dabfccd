package vn.ndp.registry.shared;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.stereotype.Component;

/**
 * A filter on the API that fails, as a filter with a bug would, for a request carrying {@link #HEADER} and for no
 * other: scanned into the common test context, it changes nothing for the tests that do not send the header.
 */
@Component
class FailingFilter extends FilterRegistrationBean<Filter> {

    /** The header that makes the filter fail. */
    static final String HEADER = "X-Fail-In-Filter";

    /** What the filter's exception says, which no answer may repeat. */
    static final String INSIDE = "connection to jdbc:postgresql://10.0.0.7/ndp refused for user ndp_owner";

    FailingFilter() {
        super((request, response, chain) -> {
            if (request instanceof HttpServletRequest http && http.getHeader(HEADER) != null) {
                throw new IllegalStateException(INSIDE);
            }
            chain.doFilter(request, response);
        });
        addUrlPatterns("/api/*");
    }
}
