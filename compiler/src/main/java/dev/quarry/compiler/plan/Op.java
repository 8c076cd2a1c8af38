package dev.quarry.compiler.plan;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The word an instruction is written with. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface Op {
    String value();
}
