package org.newsroom.ingest;

import io.quarkus.test.junit.QuarkusTest;
import org.newsroom.testing.OperationsEndpointsContract;

@QuarkusTest
class OperationsEndpointsTest extends OperationsEndpointsContract {

    @Override
    protected boolean consumesKafka() {
        return false;
    }
}
