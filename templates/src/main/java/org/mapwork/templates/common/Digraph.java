package org.mapwork.templates.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;

/**
 * The directed graph a method reads from a map (causes → problem, precondition → outcome): nodes in a stable
 * order, arcs from links. Used by live checks (reachability, cycles) and analysis (paths).
 */
public final class Digraph {

    private final Map<String, Set<String>> out = new LinkedHashMap<>();
    private final Map<String, Set<String>> in = new LinkedHashMap<>();

    /** The graph of the map's nodes accepted by {@code nodes} and the links accepted by {@code links}. */
    public static Digraph of(MapDocument doc, Predicate<Element> nodes, Predicate<Element> links) {
        Digraph g = new Digraph();
        doc.nodes().filter(nodes).forEach(n -> g.addNode(n.id()));
        doc.links().filter(links).forEach(l -> {
            if (g.out.containsKey(l.source()) && g.out.containsKey(l.target())) {
                g.addArc(l.source(), l.target());
            }
        });
        return g;
    }

    public void addNode(String id) {
        out.computeIfAbsent(id, k -> new LinkedHashSet<>());
        in.computeIfAbsent(id, k -> new LinkedHashSet<>());
    }

    public void addArc(String from, String to) {
        addNode(from);
        addNode(to);
        out.get(from).add(to);
        in.get(to).add(from);
    }

    public Set<String> nodes() {
        return out.keySet();
    }

    public Set<String> successors(String id) {
        return out.getOrDefault(id, Set.of());
    }

    public Set<String> predecessors(String id) {
        return in.getOrDefault(id, Set.of());
    }

    /** Every node reachable from {@code starts} along arcs (the starts included). */
    public Set<String> reachableFrom(Collection<String> starts) {
        return walk(starts, out);
    }

    /** Every node from which one of {@code targets} can be reached (the targets included). */
    public Set<String> reaching(Collection<String> targets) {
        return walk(targets, in);
    }

    private Set<String> walk(Collection<String> starts, Map<String, Set<String>> arcs) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String s : starts) {
            if (arcs.containsKey(s) && seen.add(s)) {
                todo.add(s);
            }
        }
        while (!todo.isEmpty()) {
            for (String n : arcs.get(todo.poll())) {
                if (seen.add(n)) {
                    todo.add(n);
                }
            }
        }
        return seen;
    }

    /**
     * The strongly connected components with more than one node (or a self-loop): each is a cycle the user should
     * see. Tarjan's algorithm, iterative so a long chain cannot overflow the stack.
     */
    public List<List<String>> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new LinkedHashSet<>();
        List<List<String>> result = new ArrayList<>();
        int[] counter = {0};
        for (String root : out.keySet()) {
            if (index.containsKey(root)) {
                continue;
            }
            Deque<Object[]> work = new ArrayDeque<>();
            work.push(new Object[]{root, new ArrayList<>(out.get(root)).iterator()});
            index.put(root, counter[0]);
            low.put(root, counter[0]++);
            stack.push(root);
            onStack.add(root);
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                String v = (String) frame[0];
                @SuppressWarnings("unchecked")
                java.util.Iterator<String> it = (java.util.Iterator<String>) frame[1];
                if (it.hasNext()) {
                    String w = it.next();
                    if (!index.containsKey(w)) {
                        index.put(w, counter[0]);
                        low.put(w, counter[0]++);
                        stack.push(w);
                        onStack.add(w);
                        work.push(new Object[]{w, new ArrayList<>(out.get(w)).iterator()});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                } else {
                    work.pop();
                    if (!work.isEmpty()) {
                        String parent = (String) work.peek()[0];
                        low.put(parent, Math.min(low.get(parent), low.get(v)));
                    }
                    if (low.get(v).equals(index.get(v))) {
                        List<String> component = new ArrayList<>();
                        String w;
                        do {
                            w = stack.pop();
                            onStack.remove(w);
                            component.add(w);
                        } while (!w.equals(v));
                        if (component.size() > 1 || out.get(v).contains(v)) {
                            java.util.Collections.reverse(component);
                            result.add(component);
                        }
                    }
                }
            }
        }
        return result;
    }

    /**
     * The simple paths from {@code from} to any of {@code targets}, at most {@code limit} of them (a dense map can
     * have very many), shortest first.
     */
    public List<List<String>> paths(String from, Set<String> targets, int limit) {
        List<List<String>> found = new ArrayList<>();
        Deque<String> path = new ArrayDeque<>();
        path.addLast(from);
        collect(from, targets, path, new LinkedHashSet<>(List.of(from)), found, limit * 10);
        found.sort(java.util.Comparator.comparingInt(List::size));
        return found.size() > limit ? new ArrayList<>(found.subList(0, limit)) : found;
    }

    private void collect(String at, Set<String> targets, Deque<String> path, Set<String> onPath,
                         List<List<String>> found, int cap) {
        if (found.size() >= cap) {
            return;
        }
        if (targets.contains(at)) {
            found.add(new ArrayList<>(path));
            return;
        }
        for (String next : successors(at)) {
            if (onPath.add(next)) {
                path.addLast(next);
                collect(next, targets, path, onPath, found, cap);
                path.removeLast();
                onPath.remove(next);
            }
        }
    }
}
