package org.georisk.systest;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A test against the whole system as real processes; a {@link GeoRiskSystem} parameter gives its addresses. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SystemTestExtension.class)
@Tag("system")
public @interface SystemTest {
}
