package org.georisk.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.georisk.testkit.KafkaBrokerResource;
import org.georisk.testkit.PostgresResource;

/** The real broker, the real database and the downstream stub, for every @QuarkusTest of this module. */
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "georisk_gateway"))
@QuarkusTestResource(value = DownstreamStub.class, restrictToAnnotatedClass = false)
public final class GatewayTestResources {

    private GatewayTestResources() {
    }
}
