package dev.cdpconsole.common.rest;

import java.io.IOException;
import java.io.PushbackInputStream;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import dev.cdpconsole.common.problem.ProblemMappers;

/**
 * An empty body sent as JSON is not JSON: the same 400 {@code malformed-json} on every server. (Jersey's JSON-B
 * reader fails on it; RESTEasy's hands the method a null, which would read as a missing body instead.)
 */
@Provider
public class EmptyJsonBodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getMediaType() != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            PushbackInputStream body = new PushbackInputStream(context.getInputStream(), 1);
            int first = body.read();
            if (first < 0) {
                throw ProblemMappers.malformedJson();
            }
            body.unread(first);
            context.setInputStream(body);
        }
        return context.proceed();
    }
}
