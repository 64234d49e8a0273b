package io.ticketflow.testkit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * A JUnit 5 extension that starts one {@link KRaftBroker} per test JVM and hands it to tests as a
 * {@link KafkaCluster}: as a parameter of test, lifecycle ({@code @BeforeAll} included) and constructor methods, and
 * in every non-static field of type {@code KafkaCluster} of the test instance.
 *
 * <p>The broker starts lazily, when the first test asks for it, on a free port in a temporary folder. It lives in the
 * root {@link ExtensionContext.Store}, so every test class of the JVM gets the same broker, and JUnit closes it (and
 * deletes its folder) when all tests of the JVM have run. Safe under parallel test execution: exactly one broker
 * starts. Use it through {@link WithKafkaBroker}.
 */
public final class KafkaBrokerExtension implements ParameterResolver, TestInstancePostProcessor {

    private static final Namespace NAMESPACE = Namespace.create(KafkaBrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return sharedCluster(extensionContext);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
        List<Field> fields = ReflectionSupport.findFields(
                testInstance.getClass(),
                field -> field.getType() == KafkaCluster.class && !Modifier.isStatic(field.getModifiers()),
                HierarchyTraversalMode.TOP_DOWN);
        for (Field field : fields) {
            field.setAccessible(true);
            field.set(testInstance, sharedCluster(context));
        }
    }

    private static KafkaCluster sharedCluster(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(SharedBroker.class, key -> SharedBroker.start(), SharedBroker.class)
                .cluster();
    }

    /** The broker and admin of the JVM; JUnit closes it with the root context. */
    private record SharedBroker(KRaftBroker broker, Admin admin, KafkaCluster cluster) implements AutoCloseable {

        private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(10);

        static SharedBroker start() {
            KRaftBroker broker = KRaftBroker.start();
            Admin admin = broker.createAdmin();
            return new SharedBroker(broker, admin, new KafkaCluster(broker, admin));
        }

        @Override
        public void close() {
            try {
                admin.close(ADMIN_CLOSE_TIMEOUT);
            } finally {
                broker.close();
            }
        }
    }
}
