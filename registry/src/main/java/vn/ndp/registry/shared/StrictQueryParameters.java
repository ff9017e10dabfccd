package vn.ndp.registry.shared;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The API's query parameters are read strictly, as its bodies are ({@link StrictJsonBodies}): a parameter the
 * resource does not take (a misspelt {@code asof} would otherwise answer with today's data) and a single-valued
 * parameter given twice (which would otherwise be taken at its first value) are refused as INVALID_PARAMETER naming
 * it, before the handler runs. So is an {@code asOf} given empty ({@code asOf=}), which a page takes for today: APIs
 * are called by systems (some through the exchange), and a date left out of a URL by mistake would otherwise be
 * answered with today's figures, owners or units, which differ from a past day's after a merger. No parameter is
 * taken everywhere: the API answers in English whatever {@code lang} says (the overlap check reads
 * Accept-Language) and takes its token only from the Authorization header, never from an {@code access_token}
 * parameter. Pages keep ignoring parameters they do not know.
 *
 * <p>A handler takes the parameters it binds with {@link RequestParam} (a list or an array may be repeated) and those
 * its OpenAPI description declares in the query ({@link Parameter} with {@link ParameterIn#QUERY}, directly, in
 * {@code @Parameters}, in {@link Operation#parameters()} or through a meta-annotation), which is how a handler that
 * parses its parameters itself (a catalogue search through {@code PlatformQuery}) says which it reads. A handler
 * binding a whole {@code Map} of parameters takes any.
 *
 * <p>Authorization comes first: a caller not signed in is told to sign in (401), one without the role or scope is
 * refused (403), whatever its query; only a caller the resource would answer is told what is wrong with the query.
 * So the query is read where the handler method of an API controller ({@link ProblemApi}, which every {@code /api}
 * controller is) is called, after method security ({@code @PreAuthorize}) allowed the call: that is the first point
 * where the same authorization has run, since its rules may read the handler's arguments ({@code #code},
 * {@code #id}), which do not exist before the call.
 */
@Configuration(proxyBeanMethods = false)
class StrictQueryParameters {

    /**
     * Checks the query when an API controller's handler method is called, after every check method security makes
     * before the method runs. An infrastructure bean, so that the proxies method security makes take it.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor strictQueryAfterAuthorization() {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                new AnnotationMatchingPointcut(ProblemApi.class, true), new AfterAuthorization());
        advisor.setOrder(AuthorizationInterceptorsOrder.JSR250.getOrder() + 1);
        return advisor;
    }

    /** The date a resource answers as of; given empty, it is refused rather than taken for today. */
    static final String AS_OF = "asOf";

    /** What one handler takes: each parameter's name and whether it may be repeated; null names means any. */
    record Taken(Map<String, Boolean> repeatable) {

        static final Taken ANY = new Taken(null);

        static Taken of(HandlerMethod handler) {
            Map<String, Boolean> names = new LinkedHashMap<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param == null) {
                    continue;
                }
                Class<?> type = parameter.getParameterType();
                String name = param.name().isEmpty() ? nameOf(parameter) : param.name();
                if (name == null || Map.class.isAssignableFrom(type)) {
                    return ANY;
                }
                names.merge(name, type.isArray() || Collection.class.isAssignableFrom(type), Boolean::logicalOr);
            }
            MergedAnnotations annotations = MergedAnnotations.from(handler.getMethod(), SearchStrategy.TYPE_HIERARCHY);
            Stream.concat(annotations.stream(Parameter.class),
                            annotations.stream(Operation.class).flatMap(operation -> Stream.of(
                                    operation.getAnnotationArray("parameters", Parameter.class))))
                    .filter(parameter -> parameter.getEnum("in", ParameterIn.class) == ParameterIn.QUERY)
                    .forEach(parameter -> names.putIfAbsent(parameter.getString("name"), false));
            return new Taken(names);
        }

        private static String nameOf(MethodParameter parameter) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            return parameter.getParameterName();
        }

        /**
         * Every problem with {@code query}: names not taken, each with the closest taken; single values repeated; an
         * empty {@value #AS_OF}.
         */
        InvalidParameters check(String query, Supplier<String> resource) {
            InvalidParameters invalid = new InvalidParameters();
            if (repeatable == null || query == null || query.isEmpty()) {
                return invalid;
            }
            Map<String, Integer> given = new LinkedHashMap<>();
            boolean emptyAsOf = false;
            for (String pair : query.split("&")) {
                if (!pair.isEmpty()) {
                    String[] nameAndValue = pair.split("=", 2);
                    String name = decode(nameAndValue[0]);
                    given.merge(name, 1, Integer::sum);
                    // only asOf's value is read here: an empty one would be taken for today
                    emptyAsOf |= name.equals(AS_OF) && (nameAndValue.length == 1 || decode(nameAndValue[1]).isBlank());
                }
            }
            boolean asOfIsEmpty = emptyAsOf;
            given.forEach((name, times) -> {
                Boolean many = repeatable.get(name);
                if (many == null) {
                    String near = closest(name);
                    invalid.reject(name, "is not a parameter of this resource"
                            + (near == null ? "." : "; did you mean " + near + "?") + " " + takes(resource.get()));
                } else if (times > 1 && !many) {
                    invalid.reject(name, "is given " + times + " times; it takes one value.");
                } else if (name.equals(AS_OF) && asOfIsEmpty) {
                    invalid.reject(name, "is empty: give a date (yyyy-MM-dd), or leave the parameter out for today.");
                }
            });
            return invalid;
        }

        /** The sentence naming every parameter {@code resource} takes, sorted. */
        private String takes(String resource) {
            return repeatable.isEmpty() ? resource + " takes no query parameters."
                    : resource + " takes " + String.join(", ", new TreeSet<>(repeatable.keySet())) + ".";
        }

        /** The taken name the same but for case, or at most two letters away from {@code name}; null if none. */
        String closest(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return repeatable.keySet().stream()
                    .map(taken -> Map.entry(taken, distance(lower, taken.toLowerCase(Locale.ROOT))))
                    .filter(near -> near.getValue() <= Math.min(2, name.length() / 3))
                    .min(Comparator.comparingInt(Map.Entry<String, Integer>::getValue)).map(Map.Entry::getKey)
                    .orElse(null);
        }

        private static int distance(String a, String b) {
            int[] previous = new int[b.length() + 1];
            int[] current = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                previous[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                current[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                    current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                }
                int[] swap = previous;
                previous = current;
                current = swap;
            }
            return previous[b.length()];
        }

        private static String decode(String name) {
            try {
                return URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return name;
            }
        }
    }

    /**
     * Refuses what is wrong with the query of the request being handled, as its handler method is called: the handler
     * the request was mapped to ({@link HandlerMapping#BEST_MATCHING_HANDLER_ATTRIBUTE}), not a method one handler
     * calls on another controller.
     */
    static final class AfterAuthorization implements MethodInterceptor {

        private final Map<Method, Taken> taken = new ConcurrentHashMap<>();

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                    && attributes.getRequest().getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE)
                            instanceof HandlerMethod handler
                    && handler.getMethod().equals(invocation.getMethod())) {
                HttpServletRequest request = attributes.getRequest();
                taken.computeIfAbsent(handler.getMethod(), any -> Taken.of(handler))
                        .check(request.getQueryString(), () -> request.getMethod() + " " + request.getRequestURI())
                        .throwIfAny();
            }
            return invocation.proceed();
        }
    }
}
