package org.openpartner.pools.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sweeps for due held records on a fixed delay. Every node runs it: the engine recycles each record by a
 * conditional statement on its holding, so two sweeps at once recycle a record once and need no leader.
 */
@Component(configurationPid = PoolsConfig.PID)
@Designate(ocd = PoolsConfig.class)
public class RecycleSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(RecycleSchedule.class);

    private final PoolServiceImpl pools;
    private final ScheduledExecutorService timer;

    @Activate
    public RecycleSchedule(@Reference PoolServiceImpl pools, PoolsConfig config) {
        this.pools = pools;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "openpartner-pool-recycle");
            thread.setDaemon(true);
            return thread;
        });
        int seconds = config.recycle_intervalSeconds();
        if (seconds > 0) {
            timer.scheduleWithFixedDelay(this::sweep, seconds, seconds, TimeUnit.SECONDS);
        }
    }

    private void sweep() {
        try {
            int recycled = pools.recycleDue();
            if (recycled > 0) {
                LOG.info("Recycled {} held records their pools' rules said were due", recycled);
            }
            int purged = pools.purgePastDailyCounters();
            if (purged > 0) {
                LOG.info("Removed {} daily claim counters of past days", purged);
            }
        } catch (RuntimeException failed) {
            // The next sweep tries again; a failure must not end the schedule.
            LOG.warn("Recycle sweep failed", failed);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        timer.shutdown();
        if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
            timer.shutdownNow();
        }
    }
}
