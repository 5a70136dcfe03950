package com.cardcoupons.platform.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a handler take the verified {@link CallerIdentity} as a parameter. */
public class CallerIdentityArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return CallerIdentity.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        CallerIdentity caller = GatewayIdentityFilter.callerOf(webRequest.getNativeRequest(HttpServletRequest.class));
        if (caller == null) {
            throw new IllegalStateException("no verified caller: the handler is outside /api/");
        }
        return caller;
    }
}
