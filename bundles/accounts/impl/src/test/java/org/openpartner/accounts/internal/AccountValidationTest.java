package org.openpartner.accounts.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;
import org.openpartner.accounts.api.dto.AccountInput;
import org.openpartner.accounts.internal.jpa.AccountEntity;
import org.openpartner.platform.api.ApiException;

/** An account's input and its registration id, case by case. */
public class AccountValidationTest {

    private static AccountInput input(String name, String registrationId, String region) {
        return new AccountInput(name, registrationId, null, region, null, null);
    }

    @Test
    public void registrationIdsAreOneCustomerWhateverTheSeparators() {
        String[][] same = {
            {"91310000 MA1FL 0000X", "91310000MA1FL0000X"},
            {"de 123.456.789", "DE123456789"},
            {"12-3456789", "123456789"},
            {"HRB 12345/B", "HRB12345B"}};
        for (String[] row : same) {
            assertEquals(row[0], row[1], AccountServiceImpl.registrationKey(AccountServiceImpl.registrationId(row[0], "r")));
        }
        assertNull(AccountServiceImpl.registrationId("   ", "r"));
        assertEquals("DE 123", AccountServiceImpl.registrationId("  DE   123 ", "r"));
    }

    @Test
    public void malformedRegistrationIdsAreRefusedNamingTheField() {
        for (String bad : List.of("-123", "12#34", "ab\u00e9", "=1+2", "1", "..")) {
            assertRefused("invalid_registration_id", "registrationId",
                () -> AccountServiceImpl.validate(input("Contoso", bad, null), true));
        }
        assertRefused("too_long", "registrationId",
            () -> AccountServiceImpl.validate(input("Contoso", "9".repeat(41), null), true));
    }

    @Test
    public void aNewAccountNeedsANameAndAnEmptyFieldClearsOnUpdate() {
        assertRefused("required", "name", () -> AccountServiceImpl.validate(input(null, null, null), true));
        assertRefused("too_long", "name", () -> AccountServiceImpl.validate(input("x".repeat(201), null, null), true));

        AccountEntity stored = new AccountEntity();
        stored.setId("a1");
        stored.setName("Contoso");
        stored.setRegistrationId("DE 123", "DE123");
        stored.setRegion("West");
        AccountServiceImpl.Valid valid = AccountServiceImpl.validate(input(null, "", " "), false);
        assertEquals(List.of("registrationId", "region"), valid.changed(stored));
        valid.applyTo(stored);
        assertEquals("Contoso", stored.getName());
        assertNull(stored.getRegistrationId());
        assertEquals("an account without an id keeps the unique key free", "#a1", stored.getRegistrationKey());
        assertNull(stored.getRegion());

        AccountServiceImpl.Valid same = AccountServiceImpl.validate(input("Contoso", null, null), false);
        assertEquals("sending a value unchanged is no change", List.of(), same.changed(stored));
    }

    @Test
    public void likePrefixesMatchTheirWildcardsLiterally() {
        assertEquals("50\\% off\\_co\\\\", ImportedBusinessInfo.escapeLike("50% off_co\\"));
    }

    private static void assertRefused(String code, String field, Runnable call) {
        try {
            call.run();
            fail("expected " + code);
        } catch (ApiException e) {
            assertEquals(code, e.code());
            assertEquals(field, e.field());
        }
    }
}
