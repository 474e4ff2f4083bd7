package org.georisk.ingest.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.georisk.testkit.KafkaBrokerResource;
import org.georisk.testkit.PostgresResource;

/** The real broker and database every @QuarkusTest of this module runs against (found by Quarkus on any test class). */
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "georisk_ingest"))
public final class IngestTestResources {

    private IngestTestResources() {
    }
}
