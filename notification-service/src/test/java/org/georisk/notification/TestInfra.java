package org.georisk.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.georisk.testkit.KafkaBrokerResource;
import org.georisk.testkit.PostgresResource;

/** The real broker and database every @QuarkusTest of this module runs against (declared once, for all of them). */
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "georisk_notification"))
public final class TestInfra {

    private TestInfra() {
    }
}
