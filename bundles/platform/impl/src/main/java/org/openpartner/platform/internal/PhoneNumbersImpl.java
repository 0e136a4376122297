package org.openpartner.platform.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.PhoneNumbers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Mobile validation with Google's libphonenumber. Valid numbers are remembered (a bounded cache per default
 * region): parsing costs tens of microseconds, and one bulk import checks each mobile in the file's rules, as a
 * partner contact and as a user identity.
 */
@Component(configurationPid = PlatformConfig.PID)
@Designate(ocd = PlatformConfig.class)
public class PhoneNumbersImpl implements PhoneNumbers {

    /**
     * A bulk import validates every mobile of its file first, then its services validate each again batch by batch:
     * an LRU smaller than the file misses on every second look (the file's first numbers are evicted by its last).
     * 65,536 covers a 20,000-company file at about 100 bytes an entry (an E.164 input is its own normalized value).
     */
    private static final int CACHE_SIZE = 65_536;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private volatile String defaultRegion = "US";
    private final Map<String, String> valid = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public PhoneNumbersImpl() {
    }

    /** For unit tests. */
    public PhoneNumbersImpl(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    @Activate
    @Modified
    void configure(PlatformConfig config) {
        defaultRegion = config.phone_defaultRegion().toUpperCase(Locale.ROOT);
        synchronized (valid) {
            valid.clear();
        }
    }

    @Override
    public String normalizeMobile(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest("required", field + " is required", field);
        }
        if (raw.length() > 32) {
            throw ApiException.badRequest("invalid_mobile", field + " is not a valid mobile number", field);
        }
        String input = raw.strip();
        synchronized (valid) {
            String known = valid.get(input);
            if (known != null) {
                return known;
            }
        }
        try {
            PhoneNumber number = util.parse(input, defaultRegion);
            PhoneNumberType type = util.getNumberType(number);
            boolean mobile = type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
            if (!util.isValidNumber(number) || !mobile) {
                throw ApiException.badRequest("invalid_mobile", field + " is not a valid mobile number", field);
            }
            String formatted = util.format(number, PhoneNumberFormat.E164);
            String normalized = formatted.equals(input) ? input : formatted;
            synchronized (valid) {
                valid.put(input, normalized);
            }
            return normalized;
        } catch (NumberParseException e) {
            throw ApiException.badRequest("invalid_mobile", field + " is not a valid mobile number", field);
        }
    }
}
