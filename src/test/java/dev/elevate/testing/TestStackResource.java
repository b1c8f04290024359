package dev.elevate.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link TestStack} for every {@code @QuarkusTest} in the module. */
@QuarkusTestResource(TestStack.class)
public final class TestStackResource {

    private TestStackResource() {
    }
}
