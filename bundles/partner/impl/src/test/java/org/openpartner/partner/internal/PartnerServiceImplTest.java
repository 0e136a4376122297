package org.openpartner.partner.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.persistence.EntityManagerFactory;

import org.junit.Test;
import org.openpartner.partner.api.PartnerService;
import org.openpartner.partner.api.dto.ContactInput;
import org.openpartner.partner.api.dto.Partner;
import org.openpartner.partner.api.dto.PartnerContact;
import org.openpartner.partner.api.dto.PartnerInput;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.EventPublisher;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.platform.api.PhoneNumbers;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.jpa.UnitOfWork;
import org.openpartner.platform.api.access.FieldDefinition;
import org.openpartner.platform.api.access.ObjectAccess;
import org.openpartner.platform.api.access.ObjectDefinition;
import org.openpartner.platform.api.RoleService;

/** The validation and permission rules of partner management, table by table. */
public class PartnerServiceImplTest {

    private static final CallContext ADMIN = new CallContext("u-admin", "admin", "Admin", "t-1", "t-1", Set.of(), true, false);
    private static final CallContext MANAGER = new CallContext("u-cm", "cm", "CM", "t-1", "t-1",
        Set.of(CallContext.ROLE_CHANNEL_MANAGER), false, false);
    private static final CallContext EMPLOYEE = new CallContext("u-e", "e", "E", "t-1", "t-1", Set.of(), false, false);
    private static final CallContext EXTERNAL = new CallContext("u-x", "x", "X", "t-1", "t-2",
        Set.of(CallContext.ROLE_CHANNEL_MANAGER), false, false);

    private final IdentityService identities = mock(IdentityService.class);
    private final PhoneNumbers phones = mock(PhoneNumbers.class);
    private final AccessControl access = mock(AccessControl.class);
    private final PartnerServiceImpl service = new PartnerServiceImpl(unusedPersistenceUnit(),
        mock(EventPublisher.class), mock(RoleService.class), identities, phones, access,
        mock(UnitOfWork.class));

    /** The rules under test run before any database work; the unit only has to open and close. */
    private static EntityManagerFactory unusedPersistenceUnit() {
        EntityManagerFactory emf = mock(EntityManagerFactory.class);
        when(emf.createEntityManager()).thenReturn(mock(javax.persistence.EntityManager.class));
        return emf;
    }

    private static PartnerInput input(String name, String status, String owner, List<String> tags) {
        return new PartnerInput(name, " Dealer ", "level-1", owner, tags, "North", status, null);
    }

    @Test
    public void managersAreAdminsAndChannelManagersOfTheTenantOnly() {
        PartnerServiceImpl.requireManager(ADMIN);
        PartnerServiceImpl.requireManager(MANAGER);
        for (CallContext refused : List.of(EMPLOYEE, EXTERNAL)) {
            ApiException e = expect(() -> {
                PartnerServiceImpl.requireManager(refused);
                return null;
            });
            assertEquals(403, e.status());
        }
    }

    @Test
    public void partnerFieldsAreCleanedAndDefaulted() {
        PartnerServiceImpl.ValidPartner valid = service.validate(ADMIN, input("  Acme   Ltd ", null, null, null), null);
        assertEquals("Acme Ltd", valid.name());
        assertEquals("acme ltd", valid.nameKey());
        assertEquals("Dealer", valid.type());
        assertEquals("active", valid.status());
        assertNull(valid.ownerUserId());
        assertNull(valid.tags());
        assertEquals("inactive", service.validate(ADMIN, input("A", "INACTIVE", null, null), null).status());
    }

    @Test
    public void partnerRuleViolationsNameTheField() {
        Object[][] cases = {
            {input(null, null, null, null), "required", "name"},
            {input("  ", null, null, null), "required", "name"},
            {input("x".repeat(201), null, null, null), "too_long", "name"},
            {input("A", "sleeping", null, null), "invalid_status", "status"},
            {input("A", null, null, List.of("ok", "a,b")), "invalid_tag", "tags"},
            {input("A", null, null, List.of(" ")), "invalid_tag", "tags"},
            {input("A", null, null, java.util.Collections.nCopies(21, "t")), "too_many_tags", "tags"},
            {new PartnerInput("A", "t".repeat(65), null, null, null, null, null, null), "too_long", "type"},
        };
        for (Object[] c : cases) {
            ApiException e = expect(() -> service.validate(ADMIN, (PartnerInput) c[0], null));
            assertEquals(c[1], e.code());
            assertEquals(c[2], e.field());
        }
        assertEquals("name", expect(() -> service.validate(ADMIN, null, null)).field());
    }

    @Test
    public void theOwnerMustBeAnEmployeeOfTheTenant() {
        when(identities.getUser(any(), eq("stranger"))).thenThrow(ApiException.notFound("User"));
        ApiException e = expect(() -> service.validate(ADMIN, input("A", null, "stranger", null), null));
        assertEquals(422, e.status());
        assertEquals("ownerUserId", e.field());
        assertEquals("u-cm", service.validate(MANAGER, input("A", null, null, null), "u-cm").ownerUserId());
    }

    @Test
    public void tagsAreTrimmedDeduplicatedIgnoringCaseAndWrappedForMatching() {
        assertEquals(",gold,North West,", PartnerServiceImpl.tags(List.of(" gold ", "GOLD", "North   West")));
        assertNull(PartnerServiceImpl.tags(List.of()));
    }

    @Test
    public void contactsNeedANameAValidMobileAndAPlausibleEmail() {
        when(phones.normalizeMobile("(415) 555-0132", "mobile")).thenReturn("+14155550132");
        when(phones.normalizeMobile("12", "mobile"))
            .thenThrow(ApiException.badRequest("invalid_mobile", "mobile is not a valid mobile number", "mobile"));
        PartnerServiceImpl.ValidContact valid = service.validate(new ContactInput(" Dana ", "(415) 555-0132", null, " Owner ", null, null));
        assertEquals("Dana", valid.name());
        assertEquals("+14155550132", valid.mobile());
        assertEquals("Owner", valid.position());
        assertEquals(false, valid.systemAdmin());
        assertEquals("mobile", expect(() -> service.validate(new ContactInput("Dana", "12", null, null, true, null))).field());
        assertEquals("name", expect(() -> service.validate(new ContactInput(" ", "(415) 555-0132", null, null, true, null))).field());
        assertEquals("invalid_email",
            expect(() -> service.validate(new ContactInput("Dana", "(415) 555-0132", "dana-at-example", null, true, null))).code());
    }

    @Test
    public void theAccessModelKnowsEveryPropertyOfTheAnswers() {
        // A property the definition lacks would be hidden from everyone but channel staff (masks fail closed).
        assertEquals(components(Partner.class), fieldNames(PartnerObject.DEFINITION));
        assertEquals(components(PartnerContact.class), fieldNames(PartnerContactObject.DEFINITION));
    }

    @Test
    public void aCompanyProfileNeedsTheRightToViewPartners() {
        CallContext dealer = new CallContext("u9", null, "Dealer", "t1", "c1", Set.of("dealer-personnel"),
            false, false, "c1");
        when(access.access(dealer, PartnerService.OBJECT)).thenReturn(new ObjectAccess(PartnerObject.DEFINITION,
            Set.of(), Map.of()));
        ApiException refused = expect(() -> service.companyProfile(dealer));
        assertEquals(403, refused.status());
        assertEquals("action_not_permitted", refused.code());
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> fieldNames(ObjectDefinition definition) {
        return definition.fields().stream().map(FieldDefinition::name).toList();
    }

    private static ApiException expect(Supplier<?> call) {
        try {
            call.get();
        } catch (ApiException e) {
            return e;
        }
        fail("expected a refusal");
        return null;
    }
}
