package org.mapwork.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ChangeVisitorTest {

    private static Set<Class<?>> kinds() {
        return Arrays.stream(Change.class.getPermittedSubclasses()).collect(Collectors.toSet());
    }

    @Test
    void theVisitorHasOneMethodForEveryKindOfChangeAndNoOther() {
        Set<Class<?>> visited = Arrays.stream(Change.Visitor.class.getDeclaredMethods())
                .filter(m -> !m.isSynthetic())
                .map(m -> {
                    assertEquals("visit", m.getName());
                    assertEquals(1, m.getParameterCount(), m.toString());
                    return m.getParameterTypes()[0];
                })
                .collect(Collectors.toSet());
        assertEquals(kinds(), visited);
        assertEquals(kinds().size(), Change.Visitor.class.getDeclaredMethods().length);
    }

    @Test
    void everyKindOfChangeIsDispatchedToItsOwnVisitorMethod() throws Exception {
        assertFalse(kinds().isEmpty());
        for (Class<?> kind : kinds()) {
            Change change = blank(kind);
            List<Method> called = new ArrayList<>();
            List<Object> received = new ArrayList<>();
            @SuppressWarnings("unchecked")
            Change.Visitor<String> recorder = (Change.Visitor<String>) Proxy.newProxyInstance(
                    Change.Visitor.class.getClassLoader(), new Class<?>[] {Change.Visitor.class},
                    (proxy, method, args) -> {
                        called.add(method);
                        received.add(args[0]);
                        return method.getParameterTypes()[0].getSimpleName();
                    });

            String result = change.accept(recorder);

            assertEquals(1, called.size(), kind + " calls the visitor once");
            assertEquals(kind, called.get(0).getParameterTypes()[0], kind + " is dispatched to visit(" + kind.getSimpleName() + ")");
            assertSame(change, received.get(0));
            assertEquals(kind.getSimpleName(), result, "accept returns what the visitor returned");
        }
    }

    @Test
    void everyKindOfChangeDescribesItself() {
        List<Change> samples = List.of(
                Change.add(Fixtures.actor("n-1", 0, 0, "a")),
                new Change.RemoveElement("n-1", Fixtures.actor("n-1", 0, 0, "a"), List.of(), Stamp.NONE),
                Change.setLabel("n-1", "Employers"),
                Change.setType("n-1", "issue"),
                Change.setAttribute("n-1", "notes", Value.text("x")),
                Change.setGeometry("n-1", Geometry.box(0, 0, 1, 1)),
                Change.setStyle("n-1", Style.DEFAULT),
                Change.setOrder("n-1", "b"),
                Change.setEndpoints("l-1", "n-1", "n-2"),
                Change.setTitle("Who decides?"),
                Change.setMapAttribute("framingQuestion", null));
        assertEquals(kinds(), samples.stream().map(Object::getClass).collect(Collectors.toSet()),
                "one sample of every kind");
        List<String> lines = samples.stream().map(Change::describe).toList();
        assertEquals(List.of("add node actor n-1 \"Actor n-1\"", "remove n-1", "set label of n-1 to \"Employers\"",
                "set type of n-1 to issue", "set notes of n-1 to " + Value.text("x").describe(), "move/resize n-1",
                "restyle n-1", "reorder n-1", "reconnect l-1 n-1 → n-2", "set title to \"Who decides?\"",
                "unset map framingQuestion"), lines);
    }

    /** An instance of a change record with every component null, zero or false: enough to dispatch it. */
    private static Change blank(Class<?> kind) throws Exception {
        RecordComponent[] components = kind.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == long.class || types[i] == int.class) {
                args[i] = 0;
            } else if (types[i] == boolean.class) {
                args[i] = false;
            } else if (types[i] == double.class) {
                args[i] = 0.0;
            }
        }
        return (Change) kind.getDeclaredConstructor(types).newInstance(args);
    }
}
