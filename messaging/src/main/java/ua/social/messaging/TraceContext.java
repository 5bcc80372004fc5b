package ua.social.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The W3C trace context carried with an event, as the CloudEvents distributed-tracing extension does in
 * Kafka's binary mode: {@code ce_traceparent} and {@code ce_tracestate} headers. The producer side takes
 * it from the request that wrote the event; the consumer side continues the same trace.
 */
public final class TraceContext {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    static final String HEADER_PREFIX = "ce_";

    private TraceContext() {
    }

    /** {@code traceparent} and {@code tracestate} of the current span (empty when nothing is traced). */
    public static Map<String, String> current() {
        Map<String, String> carrier = new HashMap<>();
        if (Span.current().getSpanContext().isValid()) {
            W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        }
        return carrier;
    }

    /** The context a record's {@code ce_traceparent} names, as the parent of the consumer's work. */
    public static Context extract(Headers headers) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, KAFKA_HEADERS);
    }

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(Headers carrier, String key) {
            if (carrier == null) {
                return null;
            }
            Header h = carrier.lastHeader(HEADER_PREFIX + key);
            return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
    };
}
