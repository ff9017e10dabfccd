package vn.ndp.registry.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request to the API whose content type no handler takes still gets problem+json naming what to send. When an
 * endpoint has one method per content type (JSON, or multipart with documents), Spring finds no handler for any
 * other type, so {@link ProblemDetailsAdvice}, which applies to API controllers, is never asked.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnsupportedMediaTypeAdvice {

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupported(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
            throws HttpMediaTypeNotSupportedException {
        if (!request.getRequestURI().startsWith("/api/")) {
            throw e; // pages: Spring's own answer
        }
        String sent = e.getContentType() == null ? "none" : "'" + e.getContentType() + "'";
        String accepted = e.getSupportedMediaTypes().stream().map(Object::toString).distinct()
                .collect(Collectors.joining(", "));
        String detail = "Content type " + sent + " is not accepted here" + (accepted.isEmpty() ? "."
                : "; send " + accepted + ".");
        return ResponseEntity.status(ErrorCode.UNSUPPORTED_MEDIA_TYPE.status())
                .body(ProblemDetailsAdvice.problem(ErrorCode.UNSUPPORTED_MEDIA_TYPE, detail, List.of()));
    }
}
