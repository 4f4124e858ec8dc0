package org.newsroom.publish;

import io.quarkus.test.junit.QuarkusTest;
import org.newsroom.testing.OperationsEndpointsContract;

@QuarkusTest
class OperationsEndpointsTest extends OperationsEndpointsContract {}
