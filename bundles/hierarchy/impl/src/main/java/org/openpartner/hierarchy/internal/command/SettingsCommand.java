package org.openpartner.hierarchy.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.hierarchy.api.dto.HierarchySettings;
import org.openpartner.platform.api.access.RecordAccess;

@Command(scope = "hierarchy", name = "settings",
    description = "Shows or changes the depth limit and what parent partners may do with their descendants' records")
@Service
public class SettingsCommand extends HierarchyCommand {

    @Option(name = "--max-levels", description = "Levels a tree may have; 0 for no limit")
    Integer maxLevels;

    @Option(name = "--parent-access", description = "READ or WRITE: what the users of a parent partner may do")
    String parentAccess;

    @Override
    public Object execute() {
        RecordAccess access;
        try {
            access = parentAccess == null ? null : RecordAccess.valueOf(parentAccess.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            System.err.println("--parent-access must be READ or WRITE");
            return null;
        }
        HierarchySettings s = asConsole(ctx -> {
            HierarchySettings current = hierarchy.settings(ctx);
            if (maxLevels == null && access == null) {
                return current;
            }
            Integer levels = maxLevels == null ? current.maxLevels() : maxLevels == 0 ? null : maxLevels;
            return hierarchy.updateSettings(ctx, new HierarchySettings(levels,
                access == null ? current.parentAccess() : access));
        });
        System.out.println("Max levels:    " + (s.maxLevels() == null ? "unlimited" : s.maxLevels()));
        System.out.println("Parent access: " + s.parentAccess());
        return null;
    }
}
