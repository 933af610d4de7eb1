package de.kim.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Writes the audit entries of a successful read of an {@link Audited} endpoint before its body
 * is written, so that a read whose entries cannot be stored fails (503, {@link
 * AuditUnavailableException}) and sends no data. Changes and failed calls are recorded after
 * completion by {@link AuditInterceptor}.
 */
@ControllerAdvice
public class AuditedReads implements ResponseBodyAdvice<Object> {

    private final AuditInterceptor interceptor;

    public AuditedReads(AuditInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType, Class converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (request instanceof ServletServerHttpRequest servletRequest
                && response instanceof ServletServerHttpResponse servletResponse) {
            HttpServletRequest req = servletRequest.getServletRequest();
            HttpServletResponse res = servletResponse.getServletResponse();
            if ("GET".equals(req.getMethod()) && res.getStatus() >= 200 && res.getStatus() < 300) {
                interceptor.recordRead(req, res, body);
            }
        }
        return body;
    }
}
