package org.openpartner.platform.internal.rest;

import static org.junit.Assert.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Test;
import org.openpartner.platform.api.access.AccessObject;

public class FieldMasksTest {

    @AccessObject("widget")
    public record Widget(String id, String name, Integer price, String secret) {
    }

    @AccessObject("gadget")
    public record Gadget(String id, String label) {
    }

    /** An answer that is no access object itself, carrying some. */
    public record Page(List<Widget> items, Gadget featured, String note) {
    }

    private static final Map<String, Set<String>> HIDDEN = Map.of("widget", Set.of("price", "secret"),
        "gadget", Set.of("label"));

    private final ObjectMapper mapper = JsonMapper.forAnswers((object, field) -> HIDDEN.getOrDefault(object, Set.of())
        .contains(field));

    @Test
    public void hiddenFieldsAreAbsentFromADetail() throws Exception {
        assertEquals("{\"id\":\"w1\",\"name\":\"Bolt\"}", mapper.writeValueAsString(new Widget("w1", "Bolt", 3, "x")));
    }

    @Test
    public void hiddenFieldsAreAbsentWhereverTheObjectIsNested() throws Exception {
        Page page = new Page(List.of(new Widget("w1", "Bolt", 3, "x"), new Widget("w2", "Nut", 1, "y")),
            new Gadget("g1", "Top"), "two widgets");
        assertEquals("{\"items\":[{\"id\":\"w1\",\"name\":\"Bolt\"},{\"id\":\"w2\",\"name\":\"Nut\"}],"
            + "\"featured\":{\"id\":\"g1\"},\"note\":\"two widgets\"}", mapper.writeValueAsString(page));
    }

    @Test
    public void theMaskIsAskedForEachAnswerNotOnceForTheType() throws Exception {
        Set<String> hidden = new HashSet<>(Set.of("name"));
        ObjectMapper perCaller = JsonMapper.forAnswers((object, field) -> hidden.contains(field));
        Gadget gadget = new Gadget("g1", "Top");
        Widget widget = new Widget("w1", "Bolt", null, null);
        assertEquals("{\"id\":\"w1\"}", perCaller.writeValueAsString(widget));
        hidden.clear();
        assertEquals("{\"id\":\"w1\",\"name\":\"Bolt\"}", perCaller.writeValueAsString(widget));
        assertEquals("{\"id\":\"g1\",\"label\":\"Top\"}", perCaller.writeValueAsString(gadget));
    }

    @Test
    public void outsideARequestOnlyTheIdIsWritten() throws Exception {
        ObjectMapper closed = JsonMapper.forAnswers(new FieldMasks.RequestSource());
        assertEquals("{\"id\":\"w1\"}", closed.writeValueAsString(new Widget("w1", "Bolt", 3, "x")));
    }
}
