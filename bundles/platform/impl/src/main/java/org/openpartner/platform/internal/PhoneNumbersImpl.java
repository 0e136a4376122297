package org.openpartner.platform.internal;

import java.util.Locale;

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

/** Mobile validation with Google's libphonenumber. */
@Component(configurationPid = PlatformConfig.PID)
@Designate(ocd = PlatformConfig.class)
public class PhoneNumbersImpl implements PhoneNumbers {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private volatile String defaultRegion = "US";

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
    }

    @Override
    public String normalizeMobile(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest("required", field + " is required", field);
        }
        if (raw.length() > 32) {
            throw ApiException.badRequest("invalid_mobile", field + " is not a valid mobile number", field);
        }
        try {
            PhoneNumber number = util.parse(raw.strip(), defaultRegion);
            PhoneNumberType type = util.getNumberType(number);
            boolean mobile = type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
            if (!util.isValidNumber(number) || !mobile) {
                throw ApiException.badRequest("invalid_mobile", field + " is not a valid mobile number", field);
            }
            return util.format(number, PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw ApiException.badRequest("invalid_mobile", field + " is not a valid mobile number", field);
        }
    }
}
