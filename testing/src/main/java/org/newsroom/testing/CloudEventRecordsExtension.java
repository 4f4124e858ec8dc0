package org.newsroom.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * One {@link CloudEventRecords} producer per test class, closed after its last test: the prologue every test that
 * feeds the broker would otherwise copy (a static producer and an {@code @AfterAll} that closes it), and a producer
 * left open when a test forgets the second half.
 *
 * <p>Either register it and ask it: {@code @RegisterExtension static final CloudEventRecordsExtension RECORDS = new
 * CloudEventRecordsExtension();} then {@code RECORDS.records().send(…)}; or extend with it ({@code @ExtendWith(
 * CloudEventRecordsExtension.class)}) and declare what it fills in: a non-final field of type
 * {@link CloudEventRecords} (static or not) or a parameter of that type (test method, constructor, lifecycle method).
 * Every field and parameter of one class gets the same producer.
 */
public final class CloudEventRecordsExtension
        implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor, ParameterResolver {

    private CloudEventRecords records;

    /** The class's producer, opened on first use. */
    public synchronized CloudEventRecords records() {
        if (records == null) {
            records = new CloudEventRecords();
        }
        return records;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        fill(context.getRequiredTestClass(), null);
    }

    @Override
    public void postProcessTestInstance(Object instance, ExtensionContext context) throws IllegalAccessException {
        fill(instance.getClass(), instance);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (records != null) {
            records.close();
            records = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CloudEventRecords.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return records();
    }

    /** Static fields when {@code instance} is null, else the instance's own; inherited ones too. */
    private void fill(Class<?> type, Object instance) throws IllegalAccessException {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (field.getType() == CloudEventRecords.class
                        && !Modifier.isFinal(modifiers)
                        && Modifier.isStatic(modifiers) == (instance == null)) {
                    field.setAccessible(true);
                    field.set(instance, records());
                }
            }
        }
    }
}
