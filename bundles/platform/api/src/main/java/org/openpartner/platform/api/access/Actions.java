package org.openpartner.platform.api.access;

import java.util.List;

/** The standard actions every object has; objects add their own (claim, return, submit, ...). */
public final class Actions {

    public static final String VIEW = "view";
    public static final String CREATE = "create";
    public static final String EDIT = "edit";
    public static final String DELETE = "delete";
    public static final String IMPORT = "import";
    public static final String EXPORT = "export";

    /** In the order administration screens list them. */
    public static final List<String> STANDARD = List.of(VIEW, CREATE, EDIT, DELETE, IMPORT, EXPORT);

    private Actions() {
    }
}
