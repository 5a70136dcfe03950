package com.cardcoupons.platform.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a handler that records its own outcome take the keyed {@link IdempotentCall} it serves as a parameter. */
class IdempotentCallArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return IdempotentCall.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        IdempotentCall call = IdempotentCall.of(webRequest.getNativeRequest(HttpServletRequest.class));
        if (call == null) {
            throw new IllegalStateException("no keyed call: the handler is not @Idempotent, or the key was not checked");
        }
        return call;
    }
}
