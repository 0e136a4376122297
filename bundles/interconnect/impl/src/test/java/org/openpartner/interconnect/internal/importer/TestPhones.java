package org.openpartner.interconnect.internal.importer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.PhoneNumbers;

/** The platform's rule (valid mobile, E.164) on libphonenumber, default region US. */
final class TestPhones implements PhoneNumbers {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    @Override
    public String normalizeMobile(String raw, String field) {
        try {
            PhoneNumber number = util.parse(raw, "US");
            PhoneNumberType type = util.getNumberType(number);
            if (!util.isValidNumber(number)
                || (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE)) {
                throw ApiException.badRequest("invalid_mobile", "not a mobile", field);
            }
            return util.format(number, PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw ApiException.badRequest("invalid_mobile", "not a mobile", field);
        }
    }
}
