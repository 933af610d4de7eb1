package de.kim.cases.query;

import org.junit.jupiter.api.Test;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** A write made while a rebuild runs reaches the rebuilt hand-over requests too; one after the switch does not go there twice. */
class HandoverRequestsWritesTest {

    private final HandoverRequests live = mock(HandoverRequests.class);
    private final HandoverRequests rebuilt = mock(HandoverRequests.class);
    private final HandoverRequestsWrites writes = new HandoverRequestsWrites(live);

    @Test
    void writes_during_a_rebuild_are_made_again_in_the_rebuilt_database_when_it_switches() {
        writes.apply(r -> r.addedToCase("kreis-muster", "h-before", "c1", "n1"));
        writes.keepForRebuild();
        writes.apply(r -> r.addedToCase("kreis-muster", "h-during", "c2", "n2"));
        Runnable switched = mock(Runnable.class);

        writes.switchOver(switched, rebuilt);
        writes.apply(r -> r.addedToCase("kreis-muster", "h-after", "c3", "n3"));

        verify(switched).run();
        verify(live).addedToCase("kreis-muster", "h-during", "c2", "n2");
        verify(rebuilt).addedToCase("kreis-muster", "h-during", "c2", "n2");
        verify(rebuilt, never()).addedToCase("kreis-muster", "h-before", "c1", "n1");
        verify(rebuilt, never()).addedToCase("kreis-muster", "h-after", "c3", "n3");
    }
}
