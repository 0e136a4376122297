package org.openpartner.platform.internal.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;

import org.junit.Test;

/** Which paths answer 503 while a resource is withdrawn, and for how long. */
public class WithdrawnResourcesTest {

    @Path("leads")
    public static class Leads {
        @GET
        public String list() {
            return "";
        }

        @GET
        @Path("{id}")
        public String one() {
            return "";
        }
    }

    /** Like most capabilities' resources: the root path, each method its own. */
    @Path("/")
    public static class Partners {
        @GET
        public String root() {
            return "";
        }

        @PUT
        @Path("partners/{id}/parent")
        public String parent() {
            return "";
        }

        @GET
        @Path("{object}")
        public String anything() {
            return "";
        }
    }

    @Test
    public void aResourceServesItsOwnPathAndEachMethodsPathButNeverTheWholeApi() {
        assertEquals(List.of("/leads", "/leads/{id}"), WithdrawnResources.templates(Leads.class).stream().sorted().toList());
        assertEquals(List.of("/partners/{id}/parent"), WithdrawnResources.templates(Partners.class));
    }

    @Test
    public void pathsOfAWithdrawnResourceAreUnavailableUntilItIsBackOrItsBundleUninstalled() {
        WithdrawnResources withdrawn = new WithdrawnResources();
        AtomicBoolean installed = new AtomicBoolean(true);
        withdrawn.withdrawn(Leads.class, installed::get);
        withdrawn.withdrawn(Partners.class, () -> true);
        assertTrue(withdrawn.unavailable("/leads"));
        assertTrue(withdrawn.unavailable("leads/42"));
        assertTrue(withdrawn.unavailable("/partners/7/parent"));
        assertFalse("no withdrawn resource served it", withdrawn.unavailable("/pools"));
        assertFalse("a method template below the root is no prefix of other paths", withdrawn.unavailable("/partners/7"));
        assertFalse(withdrawn.unavailable("/leadsx"));

        withdrawn.published(List.of(new Partners()));
        assertFalse("published again", withdrawn.unavailable("/partners/7/parent"));
        assertTrue(withdrawn.unavailable("/leads"));

        installed.set(false);
        assertFalse("the bundle was uninstalled: the path no longer exists", withdrawn.unavailable("/leads"));
        installed.set(true);
        assertFalse("and it was forgotten", withdrawn.unavailable("/leads"));
    }
}
