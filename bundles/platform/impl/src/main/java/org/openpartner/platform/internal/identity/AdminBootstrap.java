package org.openpartner.platform.internal.identity;

import org.openpartner.platform.internal.PlatformConfig;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the platform administrator from etc/org.openpartner.platform.cfg when none exists yet. */
@Component(immediate = true, configurationPid = PlatformConfig.PID)
public class AdminBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final IdentityServiceImpl identities;

    @Activate
    public AdminBootstrap(@Reference IdentityServiceImpl identities, PlatformConfig config) {
        this.identities = identities;
        ensureAdmin(config);
    }

    @Modified
    void ensureAdmin(PlatformConfig config) {
        if (identities.hasPlatformAdmin()) {
            return;
        }
        if (config.admin_initialPassword() == null || config.admin_initialPassword().isEmpty()) {
            LOG.warn("No platform administrator exists and admin.initialPassword is empty in etc/{}.cfg: "
                + "set it to create one", PlatformConfig.PID);
            return;
        }
        identities.bootstrapPlatformAdmin(config.admin_loginName(), config.admin_initialPassword());
        LOG.info("Created the platform administrator '{}'", config.admin_loginName());
    }
}
