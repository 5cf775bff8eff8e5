package dev.godwit.processor;

import dev.godwit.MigrationIds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds migration IDs that collide across the whole compilation, over all rounds: the same ID on two methods, and
 * two IDs that would become the same registry constant ({@code v1.2} and {@code v1_2}). Every method involved gets
 * an error naming the others; a method from an earlier round is found again by name.
 */
final class IdConflicts {

    /** Where an ID is used. */
    private record Use(String id, String className, String methodName) {
        String method() {
            return className + "#" + methodName;
        }
    }

    private final Reporter reporter;
    private final Map<String, List<Use>> usesByConstant = new TreeMap<>();
    private final List<Use> newUses = new ArrayList<>();

    IdConflicts(Reporter reporter) {
        this.reporter = reporter;
    }

    /** Records a valid ID on a method of this round. */
    void add(String id, String className, String methodName) {
        Use use = new Use(id, className, methodName);
        newUses.add(use);
        usesByConstant
                .computeIfAbsent(MigrationIds.constantName(id), constant -> new ArrayList<>())
                .add(use);
    }

    /**
     * Reports every conflict that involves an ID recorded since the last call: each new use gets one error per kind
     * of conflict naming all the others, each earlier use one naming the new ones.
     *
     * @return the canonical names of the classes whose methods got an error
     */
    Set<String> reportNewConflicts() {
        Set<String> classesInConflict = new HashSet<>();
        Set<Use> added = Collections.newSetFromMap(new IdentityHashMap<>());
        added.addAll(newUses);
        for (Map.Entry<String, List<Use>> entry : usesByConstant.entrySet()) {
            List<Use> uses = entry.getValue();
            if (uses.size() < 2 || uses.stream().noneMatch(added::contains)) {
                continue;
            }
            for (Use use : uses) {
                List<Use> others = uses.stream()
                        .filter(other -> other != use && (added.contains(use) || added.contains(other)))
                        .toList();
                if (report(use, entry.getKey(), others)) {
                    classesInConflict.add(use.className());
                }
            }
        }
        newUses.clear();
        return classesInConflict;
    }

    private boolean report(Use use, String constant, List<Use> others) {
        List<String> sameId = new ArrayList<>();
        List<String> sameConstant = new ArrayList<>();
        for (Use other : others) {
            if (other.id().equals(use.id())) {
                sameId.add(other.method());
            } else {
                sameConstant.add("'" + other.id() + "' of " + other.method());
            }
        }
        if (!sameId.isEmpty()) {
            error(Messages.duplicateId(use.id(), sameId), use);
        }
        if (!sameConstant.isEmpty()) {
            error(Messages.constantClash(use.id(), constant, sameConstant), use);
        }
        return !others.isEmpty();
    }

    private void error(String message, Use use) {
        reporter.errorOnId(message, use.className(), use.methodName(), use.id());
    }
}
