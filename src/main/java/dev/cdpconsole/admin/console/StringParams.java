package dev.cdpconsole.admin.console;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;

/**
 * Passes the console's String parameters through as they are. Without it Jersey's client looks the converter of
 * each parameter up again on every call, and for a String it first tries {@code String.valueOf(String)} and
 * {@code String.fromString(String)}, each failing with a NoSuchMethodException: 26 of them for each call of the
 * profile API's thirteen query parameters, about 4 % of a profile page's CPU time in a profile of it.
 * <p>
 * A parameter the call leaves out is null, and Jersey's client asks the converter for its text all the same: it
 * then sends no such parameter when the answer is null, or when the converter throws the
 * IllegalArgumentException the interface names for a null. The answer is null here: the exception, thrown and
 * caught for each of the ten or so parameters a profile page's calls leave out, was work for nothing (2.3 % of
 * the page's samples in a profile taken while the JIT was still busy; no speed-up measurable, README "Speed").
 */
public class StringParams implements ParamConverterProvider {

    private static final ParamConverter<String> AS_IS = new ParamConverter<>() {
        @Override
        public String fromString(String value) {
            if (value == null) {
                throw new IllegalArgumentException("no value");
            }
            return value;
        }

        @Override
        public String toString(String value) {
            return value;
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == String.class ? (ParamConverter<T>) AS_IS : null;
    }
}
