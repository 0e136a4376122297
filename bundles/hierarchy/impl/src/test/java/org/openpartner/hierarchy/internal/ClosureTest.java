package org.openpartner.hierarchy.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Test;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.access.jpa.HierarchyLink;

public class ClosureTest {

    @Test
    public void aPartnerCannotGoBelowItselfOrItsDescendants() {
        Closure.requireAcyclic("b", "a", Set.of("c", "d"));
        expect("hierarchy_cycle", () -> Closure.requireAcyclic("b", "b", Set.of("c")));
        expect("hierarchy_cycle", () -> Closure.requireAcyclic("b", "d", Set.of("c", "d")));
    }

    @Test
    public void theDepthLimitCountsTheParentsLevelThePartnerAndItsSubtree() {
        Closure.requireDepth(null, 40, 40);
        Closure.requireDepth(3, 1, 1);
        Closure.requireDepth(3, 2, 0);
        expect("hierarchy_too_deep", () -> Closure.requireDepth(3, 2, 1));
        expect("hierarchy_too_deep", () -> Closure.requireDepth(1, 1, 0));
    }

    @Test
    public void everyNewAncestorIsLinkedToThePartnerAndEachDescendantAtTheSummedDistance() {
        // Moving b (with child c and grandchild d) under p, whose parent is r.
        List<Closure.Node> above = List.of(new Closure.Node("p", "cp", 1), new Closure.Node("r", null, 2));
        List<Closure.Node> subtree = List.of(new Closure.Node("b", "cb", 0), new Closure.Node("c", "cc", 1),
            new Closure.Node("d", "cd", 2));
        List<HierarchyLink> links = Closure.links("t", above, subtree, "R");
        assertEquals(6, links.size());
        assertEquals(Set.of("p>b@1", "p>c@2", "p>d@3", "r>b@2", "r>c@3", "r>d@4"), links.stream()
            .map(l -> l.getAncestorPartnerId() + ">" + l.getDescendantPartnerId() + "@" + l.getDepth())
            .collect(Collectors.toSet()));
        HierarchyLink pc = links.stream().filter(l -> l.getAncestorPartnerId().equals("p")
            && l.getDescendantPartnerId().equals("c")).findFirst().orElseThrow();
        assertEquals("cp", pc.getAncestorCompanyId());
        assertEquals("cc", pc.getDescendantCompanyId());
        assertEquals("t", pc.getTenantId());
        assertEquals("R", pc.getAccessLevel());
        assertEquals(6, links.stream().map(HierarchyLink::getId).distinct().count());
    }

    private static void expect(String code, Runnable call) {
        try {
            call.run();
            fail("expected " + code);
        } catch (ApiException e) {
            assertEquals(code, e.code());
            assertEquals("parentPartnerId", e.field());
        }
    }
}
