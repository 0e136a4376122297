package org.openpartner.platform.internal.rest;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import javax.ws.rs.Path;

import org.apache.cxf.jaxrs.impl.MetadataMap;
import org.apache.cxf.jaxrs.model.URITemplate;
import org.apache.cxf.jaxrs.utils.AnnotationUtils;

/**
 * The paths of REST resources withdrawn while their bundle stays installed: a bundle stopped, restarting or being
 * updated (a feature refresh). A request that no published resource answers, on such a path, is told that this part
 * of the service is unavailable for now (503) instead of that the path does not exist (404): a client that retries
 * then succeeds once the bundle is back. Once the bundle is uninstalled (a feature uninstalled) the paths are
 * forgotten and answer 404 again; a resource published again is no longer withdrawn.
 */
final class WithdrawnResources {

    /** A withdrawn resource class: the path templates it served and whether its bundle is still installed. */
    private record Withdrawn(List<URITemplate> paths, BooleanSupplier installed) {
    }

    private final Map<String, Withdrawn> byClass = new ConcurrentHashMap<>();

    /** The resource's class was withdrawn; {@code installed} says, when asked later, whether its bundle still is. */
    void withdrawn(Class<?> resource, BooleanSupplier installed) {
        List<URITemplate> paths = templates(resource).stream().map(URITemplate::new).toList();
        if (!paths.isEmpty()) {
            byClass.put(resource.getName(), new Withdrawn(paths, installed));
        }
    }

    /** These resources are served again (by class name: an updated bundle's class is a new class of that name). */
    void published(Collection<?> resources) {
        resources.forEach(resource -> byClass.remove(resource.getClass().getName()));
    }

    /**
     * Whether the path (relative to {@code /api/v1}) belongs to a withdrawn resource whose bundle is still installed.
     * Entries of uninstalled bundles are dropped on the way.
     */
    boolean unavailable(String path) {
        String absolute = path.startsWith("/") ? path : "/" + path;
        for (Map.Entry<String, Withdrawn> entry : byClass.entrySet()) {
            Withdrawn withdrawn = entry.getValue();
            if (!withdrawn.installed().getAsBoolean()) {
                byClass.remove(entry.getKey(), withdrawn);
                continue;
            }
            for (URITemplate template : withdrawn.paths()) {
                if (template.match(absolute, new MetadataMap<>())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The path templates a resource class serves: its own path joined with each method's (sub-resource methods and
     * locators), or its own alone. A template with no literal first segment ({@code /}, {@code /{id}}) is left out:
     * it would claim every path of the API.
     */
    static List<String> templates(Class<?> resource) {
        Path root = AnnotationUtils.getClassAnnotation(resource, Path.class);
        String base = root == null ? "" : root.value();
        List<String> templates = new ArrayList<>();
        for (Method method : resource.getMethods()) {
            Path path = AnnotationUtils.getMethodAnnotation(AnnotationUtils.getAnnotatedMethod(resource, method),
                Path.class);
            if (path != null) {
                templates.add(join(base, path.value()));
            }
        }
        templates.add(join(base, ""));
        return templates.stream().filter(WithdrawnResources::literalFirstSegment).distinct().toList();
    }

    private static String join(String base, String path) {
        String joined = "/" + strip(base) + "/" + strip(path);
        return joined.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }

    private static String strip(String segment) {
        return segment.replaceAll("^/+|/+$", "");
    }

    private static boolean literalFirstSegment(String template) {
        return template.length() > 1 && template.charAt(1) != '{';
    }
}
