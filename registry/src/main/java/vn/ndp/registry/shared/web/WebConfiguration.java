package vn.ndp.registry.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.view.RedirectView;
import vn.ndp.registry.shared.RegistryException;

/**
 * The web pages' conventions: Vietnamese unless the visitor chose English
 * with {@code ?lang=en} (remembered in a cookie), and the {@link Site} model
 * every page's layout reads; a page shown in place of a refused form
 * answers with the refusal's status ({@link RefusedFormStatus}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale VIETNAMESE = Locale.of("vi");
    static final String LANGUAGE_COOKIE = "ndp-lang";
    private static final Set<String> LANGUAGES = Set.of("vi", "en");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
        resolver.setDefaultLocale(VIETNAMESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    /** Before Spring Security's filters (order -100), which read the form's CSRF token from the body. */
    @Bean
    FilterRegistrationBean<UploadLimitFilter> uploadLimitFilter(
            @Value("${spring.servlet.multipart.max-request-size}") DataSize maxRequestSize) {
        FilterRegistrationBean<UploadLimitFilter> registration =
                new FilterRegistrationBean<>(new UploadLimitFilter(maxRequestSize.toBytes()));
        registration.setOrder(-101);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch());
        registry.addInterceptor(new SiteModel());
        registry.addInterceptor(new RefusedFormStatus());
    }

    /**
     * A form that was refused comes back as its page again, with the problems beside what was typed; that page
     * answers with the refusal's status (400 for invalid fields, 409 for a conflict, and so on), as the API does,
     * so that a proxy, a log or a script never counts a refused form as done. The handlers put the refusal
     * ({@link RegistryException}) in the model under any name; a status they set themselves is kept.
     */
    static final class RefusedFormStatus implements HandlerInterceptor {

        @Override
        public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                ModelAndView modelAndView) {
            if (modelAndView == null || HttpMethod.GET.matches(request.getMethod())
                    || HttpMethod.HEAD.matches(request.getMethod()) || response.getStatus() != HttpServletResponse.SC_OK
                    || modelAndView.getView() instanceof RedirectView
                    || (modelAndView.getViewName() != null && modelAndView.getViewName().startsWith("redirect:"))) {
                return;
            }
            modelAndView.getModel().values().stream().filter(RegistryException.class::isInstance)
                    .map(RegistryException.class::cast).findFirst()
                    .ifPresent(refusal -> response.setStatus(refusal.code().status().value()));
        }
    }

    /** {@code ?lang=vi|en} switches the language and remembers it; other values are ignored. */
    static final class LanguageSwitch implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String lang = request.getParameter("lang");
            if (lang != null && LANGUAGES.contains(lang)) {
                LocaleResolver resolver = org.springframework.web.servlet.support.RequestContextUtils
                        .getLocaleResolver(request);
                if (resolver != null) {
                    resolver.setLocale(request, response, Locale.of(lang));
                }
            }
            return true;
        }
    }

    /** Adds {@link Site} to every rendered page, including Spring Boot's error page; dated by {@link DatedPage}. */
    static final class SiteModel implements HandlerInterceptor {

        @Override
        public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                ModelAndView modelAndView) {
            if (modelAndView != null && !(modelAndView.getView() instanceof RedirectView)
                    && !(modelAndView.getViewName() != null && modelAndView.getViewName().startsWith("redirect:"))
                    && !modelAndView.getModel().containsKey(Site.MODEL_NAME)) {
                modelAndView.addObject(Site.MODEL_NAME, Site.of(request,
                        handler instanceof HandlerMethod method && method.hasMethodAnnotation(DatedPage.class)));
            }
        }
    }
}
