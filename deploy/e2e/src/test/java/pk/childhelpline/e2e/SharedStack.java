package pk.childhelpline.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives every test class of this module the same {@link LocalStack}: the first class that requests it starts it, and JUnit
 * stops it (it is {@link AutoCloseable}) when the whole run has finished. Declare a {@code LocalStack} parameter on a
 * {@code @BeforeAll} method of a class annotated with {@code @ExtendWith(SharedStack.class)}.
 */
final class SharedStack implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent("stack", key -> LocalStack.start(),
                LocalStack.class);
    }
}
