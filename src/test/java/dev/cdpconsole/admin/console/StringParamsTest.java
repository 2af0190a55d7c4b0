package dev.cdpconsole.admin.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;

import jakarta.ws.rs.ext.ParamConverter;

import org.junit.jupiter.api.Test;

class StringParamsTest {

    private final StringParams provider = new StringParams();

    @Test
    void aStringGoesThroughAsItIsBothWays() {
        ParamConverter<String> converter = provider.getConverter(String.class, String.class, new Annotation[0]);
        assertEquals("jane@example.com,a b", converter.toString("jane@example.com,a b"));
        assertEquals("", converter.fromString(""));
        assertEquals("x", converter.fromString("x"));
    }

    @Test
    void aParameterLeftOutHasNoTextAndNoExceptionToThrow() {
        ParamConverter<String> converter = provider.getConverter(String.class, String.class, new Annotation[0]);
        assertNull(converter.toString(null));
    }

    @Test
    void noValueToReadIsRefusedAsTheSpecificationAsks() {
        ParamConverter<String> converter = provider.getConverter(String.class, String.class, new Annotation[0]);
        assertThrows(IllegalArgumentException.class, () -> converter.fromString(null));
    }

    @Test
    void otherTypesAreLeftToTheRuntime() {
        assertNull(provider.getConverter(Integer.class, Integer.class, new Annotation[0]));
        assertNull(provider.getConverter(boolean.class, boolean.class, new Annotation[0]));
        assertNull(provider.getConverter(CharSequence.class, CharSequence.class, new Annotation[0]));
    }
}
