package vn.ndp.registry.shared;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** Vietnam has one time zone; dates such as "as of" are Vietnamese calendar days. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(VietnamTime.ZONE);
    }
}
