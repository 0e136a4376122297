package org.openpartner.access.internal;

import static org.junit.Assert.assertEquals;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;
import org.openpartner.platform.api.CallContext;

public class CallerMemoTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger computed = new AtomicInteger();
    private final CallerMemo<Integer> memo = new CallerMemo<>(2, 100, now::get);

    private static CallContext dealer() {
        return new CallContext("u1", "+4479", "Dealer", "t1", "c1", Set.of("dealer"), false, false, "c1");
    }

    private int get(CallContext caller, String key) {
        return memo.get(caller, key, computed::incrementAndGet);
    }

    @Test
    public void oneRequestReadsOnceAndAnotherRequestOfTheSameUserReadsAgain() {
        CallContext request = dealer();
        assertEquals(1, get(request, "lead"));
        assertEquals(1, get(request, "lead"));
        CallContext next = dealer();
        assertEquals(request, next);
        assertEquals("an equal context of another request shares nothing", 2, get(next, "lead"));
        assertEquals(3, get(request, "account"));
    }

    @Test
    public void entriesExpireAndTheOldestGoes() {
        CallContext request = dealer();
        assertEquals(1, get(request, "lead"));
        now.addAndGet(101);
        assertEquals("too old", 2, get(request, "lead"));
        get(request, "account");
        get(request, "contact");
        assertEquals("beyond two entries the least recently used goes", 5, get(request, "lead"));
    }
}
