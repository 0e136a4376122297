package org.openpartner.platform.internal.rest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.access.AccessObject;
import org.openpartner.platform.api.access.ObjectAccess;
import org.openpartner.platform.api.access.ObjectDefinition;

/**
 * Field permissions applied to every REST answer: a value whose type is marked {@link AccessObject} is written
 * without the properties the caller may not see, wherever it appears (a detail, a list, nested in another answer).
 * The caller's access is looked up once per object and request. It fails closed: with no access engine, or no
 * caller, such a value is written with its id only.
 */
final class FieldMasks extends BeanSerializerModifier {

    private static final long serialVersionUID = 1L;
    private static final String CACHE_KEY = FieldMasks.class.getName();

    /** Answers, for the request being written, whether a field of an object is hidden from its caller. */
    interface Source {
        boolean isHidden(String object, String field);
    }

    private final transient Source source;

    FieldMasks(Source source) {
        this.source = source;
    }

    @Override
    public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                                                     List<BeanPropertyWriter> properties) {
        AccessObject marker = description.getBeanClass().getAnnotation(AccessObject.class);
        if (marker == null) {
            return properties;
        }
        return properties.stream().<BeanPropertyWriter>map(p -> new Masked(p, marker.value(), source)).toList();
    }

    private static final class Masked extends BeanPropertyWriter {

        private static final long serialVersionUID = 1L;
        private final String object;
        private final transient Source source;

        Masked(BeanPropertyWriter base, String object, Source source) {
            super(base);
            this.object = object;
            this.source = source;
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider provider) throws Exception {
            if (!source.isHidden(object, getName())) {
                super.serializeAsField(bean, gen, provider);
            }
        }
    }

    /** The source for CXF requests: the caller of the request being answered, through the access engine. */
    static final class RequestSource implements Source {

        private final AtomicReference<AccessControl> accessControl = new AtomicReference<>();

        void bind(AccessControl engine) {
            accessControl.set(engine);
        }

        /** Only when it is the engine bound: a greedy rebind binds the new one before it unbinds the old. */
        void unbind(AccessControl engine) {
            accessControl.compareAndSet(engine, null);
        }

        @Override
        public boolean isHidden(String object, String field) {
            Message message = PhaseInterceptorChain.getCurrentMessage();
            Exchange exchange = message == null ? null : message.getExchange();
            CallContext caller = exchange == null ? null : exchange.get(CallContext.class);
            AccessControl engine = accessControl.get();
            if (caller == null || engine == null) {
                return !ObjectDefinition.ID_FIELD.equals(field);
            }
            @SuppressWarnings("unchecked")
            Map<String, ObjectAccess> perObject = (Map<String, ObjectAccess>) exchange.computeIfAbsent(CACHE_KEY,
                k -> new ConcurrentHashMap<String, ObjectAccess>());
            ObjectAccess access = perObject.computeIfAbsent(object, name -> lookup(engine, caller, name));
            return access == null ? !ObjectDefinition.ID_FIELD.equals(field) : !access.isVisible(field);
        }

        private static ObjectAccess lookup(AccessControl engine, CallContext caller, String object) {
            try {
                return engine.access(caller, object);
            } catch (ApiException unknownObject) {
                return null;
            }
        }
    }
}
