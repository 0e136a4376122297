package org.openpartner.platform.internal.security;

import java.time.Duration;

import org.openpartner.platform.api.spi.CodeSender;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default code sender: writes the code to the Karaf log (data/log/karaf.log), for development and for
 * installations without an SMS gateway. Any sender registered with a higher ranking replaces it.
 */
@Component(service = CodeSender.class, property = Constants.SERVICE_RANKING + ":Integer=-1000")
public class LogCodeSender implements CodeSender {

    private static final Logger LOG = LoggerFactory.getLogger(LogCodeSender.class);

    @Override
    public void send(String mobile, String code, String purpose, Duration validFor) {
        LOG.info("One-time {} code for {}: {} (valid {} minutes)", purpose, mobile, code, validFor.toMinutes());
    }
}
