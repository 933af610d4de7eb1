package de.kim.platform.archfixtures.violating.query;

import org.axonframework.spring.stereotype.Saga;

/** Breaks the aggregate rule: a saga in query. */
@Saga
public class StrayThingAggregate {
}
