package org.openpartner.platform.internal.rest;

import org.apache.cxf.jaxrs.ext.ContextProvider;
import org.apache.cxf.message.Message;
import org.openpartner.platform.api.CallContext;

/** Lets resource methods take {@code @Context CallContext caller}. */
public class CallContextProvider implements ContextProvider<CallContext> {

    @Override
    public CallContext createContext(Message message) {
        return message.getExchange().get(CallContext.class);
    }
}
