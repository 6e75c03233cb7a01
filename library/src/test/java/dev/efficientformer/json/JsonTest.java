package dev.efficientformer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

    @Test
    void parsesNestedValuesExactly() {
        Map<String, Object> m = Json.parseObject(
                " {\"a\": [1, -2, 3.5, 1e3], \"b\": {\"c\": \"x\\u00e9\\n\"}, \"t\": true, \"f\": false, \"n\": null,"
                        + " \"big\": 123456789012345678901234567890} ");
        assertEquals(List.of(1L, -2L, 3.5, 1000.0), m.get("a"));
        assertEquals(Map.of("c", "xé\n"), m.get("b"));
        assertEquals(Boolean.TRUE, m.get("t"));
        assertEquals(Boolean.FALSE, m.get("f"));
        assertSame(Json.NULL, m.get("n"));
        assertEquals(new BigInteger("123456789012345678901234567890"), m.get("big"));
        assertEquals(List.of("a", "b", "t", "f", "n", "big"), List.copyOf(m.keySet()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\":1,\"a\":2}|duplicate key \"a\"",
        "{\"a\":1,}|expected a string key",
        "{\"a\":01}|expected ',' or '}'",
        "[1 2]|expected ',' or ']'",
        "{\"a\":\"x|unterminated string",
        "{\"a\":tru}|unexpected literal",
        "{} x|unexpected text after the JSON value",
        "\"\\q\"|invalid escape",
        "{\"a\":-}|expected a digit",
    })
    void rejectsMalformedText(String text, String fragment) {
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> Json.parse(text));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().contains("offset"), e.getMessage());
    }

    @Test
    void boundsNestingDepth() {
        String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("nesting deeper than"), e.getMessage());
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        Json.parse(ok);
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "q\"\\\n\u0001");
        m.put("l", List.of(1L, 2.5, true));
        m.put("n", null);
        String text = Json.write(m);
        assertEquals("{\"s\":\"q\\\"\\\\\\n\\u0001\",\"l\":[1,2.5,true],\"n\":null}", text);
        Map<String, Object> back = Json.parseObject(text);
        assertEquals("q\"\\\n\u0001", back.get("s"));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
    }
}
