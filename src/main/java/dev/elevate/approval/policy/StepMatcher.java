package dev.elevate.approval.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assigns people to approval steps so that each person counts for one step at most and as
 * many step places as possible are filled (a maximum bipartite matching). Whether a set of
 * approvals meets a policy, and whether one more person would help, both come from here.
 */
public final class StepMatcher {

    private StepMatcher() {
    }

    /**
     * @param eligible for each person, the steps they may count for
     * @param places for each step, how many distinct people it needs
     * @return who counts for which step, in a largest possible assignment
     */
    public static Map<String, String> assign(Map<String, Set<String>> eligible,
            Map<String, Integer> places) {
        List<String> slots = new ArrayList<>();
        places.forEach((step, count) -> {
            for (int i = 0; i < count; i++) {
                slots.add(step);
            }
        });
        Map<Integer, String> slotHolder = new HashMap<>();
        for (String person : eligible.keySet()) {
            augment(person, eligible, slots, slotHolder, new HashSet<>());
        }
        Map<String, String> assignment = new LinkedHashMap<>();
        slotHolder.forEach((slot, person) -> assignment.put(person, slots.get(slot)));
        return assignment;
    }

    /** How many places of each step the assignment fills. */
    public static Map<String, Integer> filled(Map<String, String> assignment,
            Map<String, Integer> places) {
        Map<String, Integer> filled = new LinkedHashMap<>();
        places.keySet().forEach(step -> filled.put(step, 0));
        assignment.values().forEach(step -> filled.merge(step, 1, Integer::sum));
        return filled;
    }

    private static boolean augment(String person, Map<String, Set<String>> eligible,
            List<String> slots, Map<Integer, String> slotHolder, Set<Integer> visited) {
        Set<String> steps = eligible.getOrDefault(person, Set.of());
        for (int slot = 0; slot < slots.size(); slot++) {
            if (!steps.contains(slots.get(slot)) || !visited.add(slot)) {
                continue;
            }
            String holder = slotHolder.get(slot);
            if (holder == null || augment(holder, eligible, slots, slotHolder, visited)) {
                slotHolder.put(slot, person);
                return true;
            }
        }
        return false;
    }
}
